from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from events.selectors.events import events_public_upcoming

from ..charts import chart_svg
from ..selectors.impact import impact_figures, impact_monthly_series
from .base import PublicCacheMixin, SectionPage


class PublicEventsPage(PublicCacheMixin, RoutablePageMixin, Page):
    """Upcoming public events from the events app, each with details and an .ics link.

    Only events with audience "public" ever appear; champions-only and invited events never do.
    A section page like the others (SectionPage), but routable: its event pages are routes.
    """

    introduction = SectionPage.introduction.field.clone()  # the same field as SectionPage's
    content_panels = SectionPage.content_panels
    parent_page_types = SectionPage.parent_page_types
    subpage_types = SectionPage.subpage_types
    max_count = SectionPage.max_count
    template = "cms/public_events_page.html"

    per_page = 20

    @path("")
    def upcoming(self, request):
        events = Paginator(events_public_upcoming(), self.per_page).get_page(
            request.GET.get("page")
        )
        return self.render(request, context_overrides={"events": events})

    @path("<int:event_id>/")
    def event(self, request, event_id):
        event = get_object_or_404(events_public_upcoming(), pk=event_id)
        return self.render(
            request,
            context_overrides={"event": event},
            template="cms/public_event_detail.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [
            {"location": f"{base}{pk}/"}
            for pk in events_public_upcoming().values_list("pk", flat=True)
        ]
        return urls


class ImpactPage(SectionPage):
    """Live figures from the programme's records, with a chart of hours and reach by month."""

    @property
    def public_cache_seconds(self) -> int:
        # It shows the impact figures: kept no longer than they are (cms/cache.py).
        return settings.PUBLIC_FIGURES_CACHE_SECONDS

    template = "cms/impact_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rows = impact_monthly_series()
        context.update(figures=impact_figures(), rows=rows, chart=chart_svg(rows))
        return context
