"""Reads for a champion's bookings: upcoming, past, to log, and for their calendar feed."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from champions.models import Champion

from ..choices import RegistrationStatus
from ..models import Registration

# How long after an event a champion is prompted to log it as an activity.
LOG_PROMPT_DAYS = 30


def registrations_upcoming_for(champion: Champion, *, now=None) -> QuerySet:
    """The champion's bookings and waiting-list places on events still to come."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            champion=champion,
            status__in=[RegistrationStatus.BOOKED, RegistrationStatus.WAITING],
            event__ends_at__gt=now,
        )
        .select_related("event__area")
        .order_by("event__starts_at", "pk")
    )


def registrations_past_for(champion: Champion, *, now=None) -> QuerySet:
    """Events the champion was booked on that have ended, with their attendance, newest first."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            champion=champion, status=RegistrationStatus.BOOKED, event__ends_at__lte=now
        )
        .select_related("event__area")
        .order_by("-event__starts_at", "-pk")
    )


def registrations_to_log_for(champion: Champion, *, now=None) -> QuerySet:
    """Recent events the champion attended: each is a prompt to log the activity."""
    now = now or timezone.now()
    return registrations_past_for(champion, now=now).filter(
        attended=True, event__ends_at__gte=now - datetime.timedelta(days=LOG_PROMPT_DAYS)
    )


def registrations_for_feed(champion: Champion, *, now=None) -> QuerySet:
    """Bookings for the private calendar feed: the last 90 days onwards, cancelled events too
    (so that calendar apps show them as cancelled)."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            champion=champion,
            status=RegistrationStatus.BOOKED,
            event__starts_at__gte=now - datetime.timedelta(days=90),
        )
        .select_related("event__area")
        .order_by("event__starts_at")
    )
