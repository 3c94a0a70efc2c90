"""Reads for activity logs, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from .. import hooks
from ..choices import ActivityKind, ActivityStatus
from ..models import ActivityLog, Champion

ZERO = Decimal("0.00")


def quarter_start(day: datetime.date) -> datetime.date:
    """Quarters start in January, April, July and October (also the UK financial quarters)."""
    return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)


def activity_logs_for(champion: Champion, *, month: datetime.date | None = None) -> QuerySet:
    """A champion's entries, newest first, with event and protective factors loaded."""
    queryset = champion.activity_logs.select_related("event").prefetch_related("protective_factors")
    if month is not None:
        queryset = queryset.filter(date__year=month.year, date__month=month.month)
    return queryset.order_by("-date", "-pk")


def activity_log_months_for(champion: Champion) -> list[datetime.date]:
    """The first day of each month the champion logged anything in, newest first."""
    return list(champion.activity_logs.dates("date", "month", order="DESC"))


def activity_hours_approved_totals(champion: Champion, today: datetime.date | None = None) -> dict:
    """Approved hours this month, this quarter, this (calendar) year and all time."""
    today = today or timezone.localdate()
    totals = champion.activity_logs.filter(status=ActivityStatus.APPROVED).aggregate(
        month=Sum("hours", filter=Q(date__gte=today.replace(day=1))),
        quarter=Sum("hours", filter=Q(date__gte=quarter_start(today))),
        year=Sum("hours", filter=Q(date__gte=today.replace(month=1, day=1))),
        all_time=Sum("hours"),
    )
    return {key: value or ZERO for key, value in totals.items()}


@dataclass(frozen=True)
class PeopleReached:
    """Everyone a champion reached: from approved activity entries, and lines higher apps add
    through the hook `champions_people_reached` (survey responses entered)."""

    logged: int
    lines: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.logged + sum(n for _label, n in self.lines)


def activity_people_reached(champion: Champion) -> PeopleReached:
    """People reached, all time: approved entries' "people reached" and each response the
    champion entered for a consultation (one person each)."""
    logged = champion.activity_logs.filter(status=ActivityStatus.APPROVED).aggregate(
        n=Sum("people_reached")
    )["n"]
    lines = [line for answer in hooks.answers(hooks.PEOPLE_REACHED) for line in answer(champion)]
    return PeopleReached(logged or 0, lines)


def activity_log_event_choices(champion: Champion, *, started_only: bool = True) -> QuerySet:
    """Events the champion was booked on (that have started): the ones they can log.

    The events app answers through the BOOKED_EVENTS hook; without it there are none.
    """
    for answer in hooks.answers(hooks.BOOKED_EVENTS):
        return answer(champion, started_only=started_only)
    return ActivityLog._meta.get_field("event").related_model.objects.none()


def activity_logs_review_queue(queryset: QuerySet | None = None) -> QuerySet:
    """Activity logs with what the staff listing shows, oldest submission first."""
    queryset = ActivityLog.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("champion__user", "champion__area", "event", "reviewed_by")
        .prefetch_related("protective_factors")
        .order_by("created_at", "pk")
    )


# What an event suggests for the champion's log of it (event kinds are the events app's codes).
_KIND_FOR_EVENT = {
    "engagement": ActivityKind.ENGAGEMENT,
    "co_production": ActivityKind.CO_PRODUCTION,
    "training": ActivityKind.TRAINING,
    "focus_group": ActivityKind.RESEARCH_PANEL,
    "mapping": ActivityKind.RESEARCH_PANEL,
    "stall": ActivityKind.OUTREACH,
    "social": ActivityKind.PEER_SUPPORT,
}


def activity_log_initial_for_event(event) -> dict:
    """Date, type, hours (to the nearest quarter, at most 12) and event, from the event."""
    quarters = round((event.ends_at - event.starts_at).total_seconds() / 900)
    hours = min(max(quarters, 1), 48) / 4
    return {
        "date": timezone.localtime(event.starts_at).date(),
        "kind": _KIND_FOR_EVENT.get(event.kind, ActivityKind.OTHER),
        "hours": Decimal(str(hours)),
        "event": event.pk,
    }
