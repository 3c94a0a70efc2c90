from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The home page's live children marked "show in menus", in one query, cached per request."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_main_menu_pages"):
        site = Site.find_for_request(request)
        if site is None:
            request._main_menu_pages = []
        else:
            pages = site.root_page.get_children().live().in_menu().specific(defer=True)
            request._main_menu_pages = [
                {"title": p.title, "url": p.get_url(request=request)} for p in pages
            ]
    return request._main_menu_pages
