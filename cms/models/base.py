"""What every public page shares."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class PublicCacheMixin:
    """Marks a page's anonymous responses as safe to keep in the shared page cache.

    The cache (cms.cache.PublicPageCacheMiddleware) is cleared on every publish, unpublish
    and consent change, so cached copies never outlive what they show.
    """

    # Kept no longer than this, when shorter than PUBLIC_PAGE_CACHE_SECONDS (None: that).
    public_cache_seconds: int | None = None

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_cacheable = True
        response.public_cache_seconds = self.public_cache_seconds
        return response


class SectionPage(PublicCacheMixin, Page):
    """A top-level section of the site under the home page, one of each kind, with a short
    introduction (stories, outcomes, events, impact)."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        abstract = True
