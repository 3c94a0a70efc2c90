from django import template
from django.urls import reverse
from wagtail.models import Site

from events.selectors.consultations import consultations_open

from ..models import PublicEventsPage

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The home page's live children marked "show in menus", in one query, cached per request.

    A signed-in champion's events link goes to their own events page, where they can book.
    """
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_main_menu_pages"):
        site = Site.find_for_request(request)
        if site is None:
            request._main_menu_pages = []
        else:
            pages = site.root_page.get_children().live().in_menu().specific(defer=True)
            user = request.user
            champion = user.is_authenticated and not user.is_staff
            request._main_menu_pages = [
                {
                    "title": p.title,
                    "url": reverse("events:list")
                    if champion and isinstance(p, PublicEventsPage)
                    else p.get_url(request=request),
                }
                for p in pages
            ]
    return request._main_menu_pages


@register.simple_tag(takes_context=True)
def have_your_say_open(context) -> bool:
    """Whether any consultation takes answers now: the menu then offers "Have your say"."""
    request = context.get("request")
    if request is None:
        return False
    if not hasattr(request, "_have_your_say_open"):
        request._have_your_say_open = consultations_open().exists()
    return request._have_your_say_open
