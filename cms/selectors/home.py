"""What the home page shows besides its own body."""

from events.selectors.events import events_public_upcoming

from ..models.outcomes import OutcomePage
from ..models.programme import PublicEventsPage
from ..models.stories import StoryPage
from .impact import impact_figures


def home_page_context(home, request) -> dict:
    """Featured stories, the latest outcomes, the next public events and headline figures."""
    events_page = PublicEventsPage.objects.live().first()
    base = events_page.get_url(request) if events_page else None
    return {
        "featured_stories": list(StoryPage.objects.listed()[: home.featured_stories]),
        "latest_outcomes": list(OutcomePage.objects.listed()[:3]),
        "next_events": [
            (event, f"{base}{event.pk}/" if base else None)
            for event in events_public_upcoming()[:3]
        ],
        "figures": impact_figures(),
    }
