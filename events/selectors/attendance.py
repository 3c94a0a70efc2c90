"""Reads for attendance: the register of an event and whether a meeting was quorate."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ..choices import AttendeeRole, EventKind, RegistrationStatus
from ..models import Event, Registration, WalkIn
from ..models.settings import EventsSettings


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


def meeting_quorum_for(
    event: Event, *, champions_present: int, parent_walk_ins: int, required: int | None = None
) -> Quorum:
    """Parents present = champions marked present + walk-ins with the role "parent".

    `required` defaults to the quorum in Settings > Events settings.
    """
    if required is None:
        required = EventsSettings.load().meeting_quorum_parents
    return Quorum(
        applies=event.kind == EventKind.CO_PRODUCTION,
        parents_present=champions_present + parent_walk_ins,
        required=required,
    )


def meeting_quorum(event: Event) -> Quorum:
    """The quorum of one event, from its attendance register."""
    champions = Registration.objects.filter(
        event=event, status=RegistrationStatus.BOOKED, attended=True
    ).count()
    parents = WalkIn.objects.filter(event=event, role=AttendeeRole.PARENT).count()
    return meeting_quorum_for(event, champions_present=champions, parent_walk_ins=parents)


def events_with_parents_present(queryset: QuerySet, event_path: str = "pk") -> QuerySet:
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
        .select_related("champion__user", "champion__area")
        .order_by("champion__preferred_name", "pk")
    )
