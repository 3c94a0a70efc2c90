from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock


class PublicCacheMixin:
    """Marks a page's anonymous responses as safe to keep in the shared page cache.

    The cache (cms.cache.PublicPageCacheMiddleware) is cleared on every publish, unpublish
    and consent change, so cached copies never outlive what they show.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_cacheable = True
        return response


class HomePage(PublicCacheMixin, Page):
    """The front page: an editor-written introduction, then featured stories, latest outcomes,
    the next public events and headline figures drawn from the programme's records."""

    body = StreamField(BaseStreamBlock(), blank=True)
    featured_stories = models.PositiveSmallIntegerField(default=3)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context


class StandardPage(PublicCacheMixin, Page):
    """A plain content page for "About", "Become a champion" and the like."""

    introduction = models.TextField(
        blank=True, help_text="One or two sentences shown under the title."
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"
