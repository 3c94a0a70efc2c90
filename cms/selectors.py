"""Reads for the public site: what may be shown, in a constant number of queries."""

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from champions.choices import ConsentKind
from champions.models import Consent

from .models import OutcomePage, PublicEventsPage, StoryPage


def _current_consent_ids(now):
    return (
        Consent.objects.filter(withdrawn_at__isnull=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .values("pk")
    )


def _latest_consent(kind):
    return Subquery(
        Consent.objects.filter(champion=OuterRef("champion_id"), kind=kind)
        .order_by("-given_at", "-pk")
        .values("pk")[:1]
    )


def consented_stories(queryset: QuerySet | None = None, now=None) -> QuerySet:
    """Stories whose champion (if any) has current story consent, and photo consent if pictured.

    The latest consent row per kind is the current state, as champions.selectors says.
    """
    now = now or timezone.now()
    queryset = StoryPage.objects.all() if queryset is None else queryset
    current = _current_consent_ids(now)
    queryset = queryset.annotate(
        _story_consent=_latest_consent(ConsentKind.STORY),
        _photo_consent=_latest_consent(ConsentKind.PHOTO),
    )
    return queryset.filter(
        Q(champion__isnull=True)
        | (Q(_story_consent__in=current) & (Q(has_photos=False) | Q(_photo_consent__in=current)))
    )


def public_stories() -> QuerySet:
    """Live stories that may be shown, newest first, with what list cards need."""
    return (
        consented_stories(StoryPage.objects.live().public())
        .select_related("hero_image", "area")
        .prefetch_related("hero_image__renditions")
        .order_by("-first_published_at", "-pk")
    )


def hidden_story_ids(now=None) -> QuerySet:
    """Live stories that consent no longer allows: kept out of search, feeds and the API."""
    allowed = consented_stories(StoryPage.objects.live(), now).values("pk")
    return StoryPage.objects.live().exclude(pk__in=allowed).values("pk")


def public_outcomes() -> QuerySet:
    return OutcomePage.objects.live().public().select_related("area").order_by("-raised_on", "-pk")


def outcome_context(outcome: OutcomePage) -> dict:
    """Meetings (public summary only) and related stories that may be shown."""
    links = outcome.meeting_links.select_related("event").order_by("sort_order")
    voice_items = outcome.voice_items.select_related("item__record__event").order_by("sort_order")
    story_ids = [r.story_id for r in outcome.related_stories.all()]
    stories = public_stories().filter(pk__in=story_ids) if story_ids else []
    return {"meeting_links": links, "voice_items": voice_items, "related_stories": stories}


def home_context(home, request) -> dict:
    from events.selectors import public_upcoming_events

    from .impact import impact_figures

    events_page = PublicEventsPage.objects.live().first()
    base = events_page.get_url(request) if events_page else None
    return {
        "featured_stories": list(public_stories()[: home.featured_stories]),
        "latest_outcomes": list(public_outcomes()[:3]),
        "next_events": [
            (event, f"{base}{event.pk}/" if base else None)
            for event in public_upcoming_events()[:3]
        ],
        "figures": impact_figures(),
    }
