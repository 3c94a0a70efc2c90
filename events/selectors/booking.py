"""Reads for a champion's bookings: upcoming, past, to log, and for their calendar feed."""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from champions.choices import ActivityStatus
from champions.models import ActivityLog, Champion
from champions.selectors.welcome import champion_logs_activity

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
        .with_waiting_position()
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
    """Recent events the champion attended: each is a prompt to log the activity.

    None before the stage where champions log activity. Each has `log_id` and `log_status`:
    the champion's log for that event still waiting for review, queried or approved (shown
    instead of the prompt), or None.
    """
    if not champion_logs_activity(champion):  # e.g. an enquirer after a welcome session
        return Registration.objects.none()
    now = now or timezone.now()
    logs = ActivityLog.objects.filter(
        champion=OuterRef("champion"),
        event=OuterRef("event"),
        status__in=[ActivityStatus.SUBMITTED, ActivityStatus.QUERIED, ActivityStatus.APPROVED],
    ).order_by("-pk")
    return (
        registrations_past_for(champion, now=now)
        .filter(attended=True, event__ends_at__gte=now - datetime.timedelta(days=LOG_PROMPT_DAYS))
        .annotate(
            log_id=Subquery(logs.values("pk")[:1]),
            log_status=Subquery(logs.values("status")[:1]),
        )
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
