from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock
from ..selectors.home import home_page_context
from .base import PublicCacheMixin


class HomePage(PublicCacheMixin, Page):
    """The front page: an editor-written introduction, then featured stories, latest outcomes,
    the next public events and headline figures drawn from the programme's records."""

    @property
    def public_cache_seconds(self) -> int:
        # It shows the impact figures: kept no longer than they are (cms/cache.py).
        return settings.PUBLIC_FIGURES_CACHE_SECONDS

    body = StreamField(BaseStreamBlock(), blank=True)
    featured_stories = models.PositiveSmallIntegerField(default=3)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, request))
        return context
