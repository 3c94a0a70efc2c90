"""Reads for the coordinator's admin home page: this week's events and overdue actions.

Each returns `(count, first rows)`, a fixed number of queries whatever the programme's size.
"""

import datetime

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..choices import EventKind, EventStatus, RegistrationStatus
from ..models import Event, EventsSettings, MeetingAction, Registration
from .events import events_with_booked_count


def _week_bounds(today: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    monday = today - datetime.timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    return start, start + datetime.timedelta(days=7)


def events_with_waiting_count(queryset: QuerySet) -> QuerySet:
    """Annotate `waiting_count` (the waiting list's length) on an Event queryset."""
    waiting = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.WAITING)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        waiting_count=Coalesce(Subquery(waiting, output_field=IntegerField()), 0)
    )


def events_this_week(*, today: datetime.date, limit: int) -> tuple[int, list[Event]]:
    """Scheduled events this week (Monday to Sunday) with bookings and waiting list counted."""
    start, end = _week_bounds(today)
    queryset = Event.objects.filter(
        status=EventStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=end
    )
    rows = events_with_waiting_count(events_with_booked_count(queryset.select_related("area")))
    return queryset.count(), list(rows.order_by("starts_at", "pk")[:limit])


def events_registers_to_take(*, now: datetime.datetime, limit: int) -> tuple[int, list[Event]]:
    """Events that have ended, were not cancelled, and whose register nobody has taken."""
    queryset = Event.objects.filter(ends_at__lte=now, attendance_taken_at__isnull=True).exclude(
        status=EventStatus.CANCELLED
    )
    return queryset.count(), list(queryset.order_by("-ends_at", "-pk")[:limit])


def meetings_below_quorum(*, today: datetime.date, limit: int) -> tuple[int, list[Event], int]:
    """This week's co-production meetings with fewer champions booked than the parent quorum."""
    required = EventsSettings.load().meeting_quorum_parents
    start, end = _week_bounds(today)
    queryset = events_with_booked_count(
        Event.objects.filter(
            kind=EventKind.CO_PRODUCTION,
            status=EventStatus.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=end,
        )
    ).filter(booked_count__lt=required)
    return queryset.count(), list(queryset.order_by("starts_at", "pk")[:limit]), required


def meeting_actions_overdue(*, today: datetime.date, limit: int) -> tuple[int, list]:
    """Open meeting actions past their due date, the longest overdue first."""
    queryset = MeetingAction.objects.overdue(today).select_related("record__event")
    return queryset.count(), list(queryset.order_by("due_on", "pk")[:limit])
