"""Writes for a champion's private calendar feed: its secret token."""

import secrets

from django.db import transaction
from django.utils import timezone

from champions.models import Champion

from ..models import CalendarFeed


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def calendar_feed_for(*, champion: Champion) -> CalendarFeed:
    """The champion's private feed, created with a fresh secret token on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(
        champion=champion, defaults={"token": _new_token()}
    )
    return feed


@transaction.atomic
def calendar_feed_reset(*, champion: Champion) -> CalendarFeed:
    """Give the feed a new token: the old URL stops working at once."""
    feed, _ = CalendarFeed.objects.update_or_create(
        champion=champion, defaults={"token": _new_token(), "created_at": timezone.now()}
    )
    return feed
