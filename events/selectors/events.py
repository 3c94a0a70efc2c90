"""Reads for events: what a champion or the public may see and book, with places left."""

import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from champions.models import Champion

from ..choices import Audience, EventStatus, RegistrationStatus
from ..models import Event, Registration


def events_with_booked_count(queryset: QuerySet) -> QuerySet:
    """Annotate `booked_count` (booked places) on an Event queryset, as a subquery."""
    booked = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.BOOKED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        booked_count=Coalesce(Subquery(booked, output_field=IntegerField()), 0)
    )


def events_visible_to(champion: Champion) -> QuerySet:
    """Events this champion may see and book: public, champions-only, or invited-only for them."""
    invited = Event.invited.through.objects.filter(event=OuterRef("pk"), champion=champion)
    return Event.objects.alias(is_invited=Exists(invited)).filter(
        Q(audience__in=[Audience.PUBLIC, Audience.CHAMPIONS])
        | Q(audience=Audience.INVITED, is_invited=True)
    )


def event_visible_to(champion: Champion, event: Event) -> bool:
    return events_visible_to(champion).filter(pk=event.pk).exists()


def events_upcoming_for(
    champion: Champion, *, kind: str = "", area=None, now: datetime.datetime | None = None
) -> QuerySet:
    """Scheduled events still to start that the champion may attend, with places and status."""
    now = now or timezone.now()
    mine = Registration.objects.filter(event=OuterRef("pk"), champion=champion)
    queryset = (
        events_visible_to(champion)
        .filter(status=EventStatus.SCHEDULED, starts_at__gt=now)
        .select_related("area")
        .annotate(
            my_status=Subquery(mine.values("status")[:1]),
            my_registration_id=Subquery(mine.values("pk")[:1]),
        )
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if area is not None:
        queryset = queryset.filter(area=area)
    return events_with_booked_count(queryset).order_by("starts_at", "pk")


def events_public_upcoming(*, now=None) -> QuerySet:
    """Public, scheduled events still to start: the only events the public site may show."""
    now = now or timezone.now()
    return events_with_booked_count(
        Event.objects.filter(
            audience=Audience.PUBLIC, status=EventStatus.SCHEDULED, starts_at__gt=now
        ).select_related("area")
    ).order_by("starts_at", "pk")


def events_with_places_between(start: datetime.datetime, end: datetime.datetime) -> list[Event]:
    """Scheduled events starting in [start, end) that still have places (or no limit)."""
    events = events_with_booked_count(
        Event.objects.filter(
            status=EventStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=end
        ).select_related("area")
    ).order_by("starts_at")
    return [e for e in events if e.capacity is None or e.booked_count < e.capacity]


def events_by_week(events) -> list[tuple[datetime.date, list]]:
    """Events (in time order) grouped by the Monday of their week, in local time."""
    weeks: dict[datetime.date, list] = {}
    for event in events:
        day = timezone.localtime(event.starts_at).date()
        weeks.setdefault(day - datetime.timedelta(days=day.weekday()), []).append(event)
    return list(weeks.items())
