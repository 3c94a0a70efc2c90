"""Reads for events: each returns what its page needs in a constant number of queries."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from champions.choices import CheckKind
from champions.models import Champion, OnboardingCheck

from .choices import AttendeeRole, Audience, EventKind, EventStatus, RegistrationStatus
from .models import Event, MeetingAction, Registration, WalkIn

# How long after an event a champion is prompted to log it as an activity.
LOG_PROMPT_DAYS = 30


def with_booked_count(queryset: QuerySet) -> QuerySet:
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


def can_see(champion: Champion, event: Event) -> bool:
    return events_visible_to(champion).filter(pk=event.pk).exists()


def upcoming_events_for(
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
    return with_booked_count(queryset).order_by("starts_at", "pk")


def champion_upcoming_registrations(champion: Champion, *, now=None) -> QuerySet:
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


def champion_past_registrations(champion: Champion, *, now=None) -> QuerySet:
    """Events the champion was booked on that have ended, with their attendance, newest first."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            champion=champion, status=RegistrationStatus.BOOKED, event__ends_at__lte=now
        )
        .select_related("event__area")
        .order_by("-event__starts_at", "-pk")
    )


def champion_log_prompts(champion: Champion, *, now=None) -> QuerySet:
    """Recent events the champion attended: each is a prompt to log the activity."""
    now = now or timezone.now()
    return champion_past_registrations(champion, now=now).filter(
        attended=True, event__ends_at__gte=now - datetime.timedelta(days=LOG_PROMPT_DAYS)
    )


def champion_feed_registrations(champion: Champion, *, now=None) -> QuerySet:
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


def public_upcoming_events(*, now=None) -> QuerySet:
    """Public, scheduled events still to start: the only events the public site may show."""
    now = now or timezone.now()
    return with_booked_count(
        Event.objects.filter(
            audience=Audience.PUBLIC, status=EventStatus.SCHEDULED, starts_at__gt=now
        ).select_related("area")
    ).order_by("starts_at", "pk")


def has_current_dbs(champion: Champion, *, today=None) -> bool:
    today = today or timezone.localdate()
    check = OnboardingCheck.objects.filter(champion=champion, kind=CheckKind.DBS).first()
    return check is not None and check.is_in_date(today)


@dataclass(frozen=True)
class Quorum:
    """Whether a co-production meeting had enough parents present to make decisions."""

    applies: bool
    parents_present: int
    required: int

    @property
    def is_quorate(self) -> bool:
        return self.parents_present >= self.required

    def __str__(self):
        if not self.applies:
            return "Quorum does not apply to this kind of event."
        verdict = "Quorate" if self.is_quorate else "Not quorate"
        return f"{verdict}: {self.parents_present} parents present ({self.required} needed)."


def quorum_for(event: Event, *, champions_present: int, parent_walk_ins: int) -> Quorum:
    """Parents present = champions marked present + walk-ins with the role "parent"."""
    return Quorum(
        applies=event.kind == EventKind.CO_PRODUCTION,
        parents_present=champions_present + parent_walk_ins,
        required=settings.MEETING_QUORUM_PARENTS,
    )


def meeting_quorum(event: Event) -> Quorum:
    champions = Registration.objects.filter(
        event=event, status=RegistrationStatus.BOOKED, attended=True
    ).count()
    parents = WalkIn.objects.filter(event=event, role=AttendeeRole.PARENT).count()
    return quorum_for(event, champions_present=champions, parent_walk_ins=parents)


def with_parents_present(queryset: QuerySet, event_path: str = "pk") -> QuerySet:
    """Annotate `parents_present` (for quorum) on a queryset of events or meeting records."""
    champions = (
        Registration.objects.filter(
            event=OuterRef(event_path), status=RegistrationStatus.BOOKED, attended=True
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    parents = (
        WalkIn.objects.filter(event=OuterRef(event_path), role=AttendeeRole.PARENT)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        parents_present=Coalesce(Subquery(champions, output_field=IntegerField()), 0)
        + Coalesce(Subquery(parents, output_field=IntegerField()), 0)
    )


def event_register(event: Event) -> QuerySet:
    """The booked registrations on an event, with their champions, for the attendance register."""
    return (
        Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED)
        .select_related("champion")
        .order_by("champion__preferred_name", "pk")
    )


def open_actions(*, today=None) -> QuerySet:
    """Open meeting actions across meetings, overdue first, then by due date."""
    today = today or timezone.localdate()
    return (
        MeetingAction.objects.open()
        .select_related("record__event")
        .annotate(
            overdue_rank=Case(
                When(due_on__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("overdue_rank", F("due_on").asc(nulls_last=True), "pk")
    )


def events_with_places_between(start: datetime.datetime, end: datetime.datetime) -> list[Event]:
    """Scheduled events starting in [start, end) that still have places (or no limit)."""
    events = with_booked_count(
        Event.objects.filter(
            status=EventStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=end
        ).select_related("area")
    ).order_by("starts_at")
    return [e for e in events if e.capacity is None or e.booked_count < e.capacity]
