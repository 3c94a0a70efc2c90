"""Figures for the funder reports (events/reports/): a fixed number of aggregate queries each,
whatever the amount of data. Every ward (and every factor, module and month) is listed, with
zero where nothing happened, so that gaps show."""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth, TruncQuarter
from django.utils import timezone

from champions.choices import ActivityStatus, Stage, TrainingStatus
from champions.models import (
    ActivityFactor,
    ActivityLog,
    Area,
    Champion,
    ProtectiveFactor,
    TrainingModule,
    TrainingRecord,
)

from ..choices import EventKind, EventStatus, RegistrationStatus
from ..models import Event, EventsSettings, WalkIn
from .attendance import events_with_parents_present

NO_WARD = "No ward"
EXPIRING_DAYS = 30


def _wards(area: Area | None) -> list[tuple[int | None, str]]:
    if area is not None:
        return [(area.pk, area.name)]
    return [*Area.objects.order_by("name").values_list("pk", "name"), (None, NO_WARD)]


def _months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    month, months = start.replace(day=1), []
    while month <= end:
        months.append(month)
        month += relativedelta(months=1)
    return months


def _quarters(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    first = start.replace(month=(start.month - 1) // 3 * 3 + 1, day=1)
    return [m for m in _months(first, end) if m.month in (1, 4, 7, 10)]


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _approved_logs(start, end, *, area=None, stage=None):
    logs = ActivityLog.objects.filter(status=ActivityStatus.APPROVED, date__range=(start, end))
    if area is not None:
        logs = logs.filter(champion__area=area)
    if stage:
        logs = logs.filter(champion__stage=stage)
    return logs


def _events_held(start, end, *, area=None, kind=None):
    events = Event.objects.exclude(status=EventStatus.CANCELLED).filter(
        starts_at__date__range=(start, end)
    )
    if area is not None:
        events = events.filter(area=area)
    if kind:
        events = events.filter(kind=kind)
    return events


def hours_and_reach(*, start, end, area=None, stage=None, kind=None) -> dict:
    """Approved hours, activities and families reached (at events held) by ward and month,
    with totals and the change on the period of the same length just before."""
    hours = {
        (row["champion__area"], _as_date(row["month"])): row
        for row in _approved_logs(start, end, area=area, stage=stage)
        .annotate(month=TruncMonth("date"))
        .values("champion__area", "month")
        .annotate(hours=Sum("hours"), activities=Count("pk"))
    }
    families = {
        (row["area"], _as_date(row["month"])): row["families"] or 0
        for row in _events_held(start, end, area=area, kind=kind)
        .annotate(month=TruncMonth("starts_at"))
        .values("area", "month")
        .annotate(families=Sum("families_reached"))
    }
    rows = []
    for ward_pk, ward in _wards(area):
        for month in _months(start, end):
            found = hours.get((ward_pk, month), {})
            rows.append(
                {
                    "ward": ward,
                    "month": f"{month:%b %Y}",
                    "hours": found.get("hours") or Decimal(0),
                    "activities": found.get("activities", 0),
                    "families": families.get((ward_pk, month), 0),
                }
            )
    return {"rows": rows, **_hours_totals(rows, start, end, area=area, stage=stage, kind=kind)}


def _hours_totals(rows, start, end, **filters) -> dict:
    length = (end - start).days + 1
    before_end = start - datetime.timedelta(days=1)
    before_start = before_end - datetime.timedelta(days=length - 1)
    previous_hours = _approved_logs(
        before_start, before_end, area=filters["area"], stage=filters["stage"]
    ).aggregate(total=Sum("hours"))["total"] or Decimal(0)
    previous_families = (
        _events_held(
            before_start, before_end, area=filters["area"], kind=filters["kind"]
        ).aggregate(total=Sum("families_reached"))["total"]
        or 0
    )
    total_hours = sum((r["hours"] for r in rows), Decimal(0))
    total_families = sum(r["families"] for r in rows)
    months = {}
    for row in rows:
        months[row["month"]] = months.get(row["month"], Decimal(0)) + row["hours"]
    return {
        "total_hours": total_hours,
        "total_families": total_families,
        "total_activities": sum(r["activities"] for r in rows),
        "previous_hours": previous_hours,
        "previous_families": previous_families,
        "previous_start": before_start,
        "previous_end": before_end,
        "by_month": list(months.items()),
    }


def factor_coverage(*, start, end, area=None, stage=None) -> dict:
    """Approved hours and activities per protective factor, by ward and quarter (zeros kept)."""
    links = ActivityFactor.objects.filter(
        activity__status=ActivityStatus.APPROVED, activity__date__range=(start, end)
    )
    if area is not None:
        links = links.filter(activity__champion__area=area)
    if stage:
        links = links.filter(activity__champion__stage=stage)
    found = {
        (row["activity__champion__area"], _as_date(row["quarter"]), row["factor"]): row
        for row in links.annotate(quarter=TruncQuarter("activity__date"))
        .values("activity__champion__area", "quarter", "factor")
        .annotate(hours=Sum("activity__hours"), activities=Count("activity", distinct=True))
    }
    factors = list(ProtectiveFactor.objects.order_by("sort_order").values_list("code", "label"))
    rows = []
    for ward_pk, ward in _wards(area):
        for quarter in _quarters(start, end):
            for code, label in factors:
                row = found.get((ward_pk, quarter, code), {})
                rows.append(
                    {
                        "ward": ward,
                        "quarter": f"Q{(quarter.month - 1) // 3 + 1} {quarter.year}",
                        "factor": label,
                        "hours": row.get("hours") or Decimal(0),
                        "activities": row.get("activities", 0),
                    }
                )
    totals = {label: Decimal(0) for _, label in factors}
    for row in rows:
        totals[row["factor"]] += row["hours"]
    return {"rows": rows, "by_factor": list(totals.items())}


def training_compliance(*, today, area=None, stage=None) -> dict:
    """Per module: champions (active unless a stage is chosen) in date, expiring within 30
    days, expired, and not completed."""
    champions = Champion.objects.filter(stage=stage or Stage.ACTIVE, anonymised_at__isnull=True)
    if area is not None:
        champions = champions.filter(area=area)
    total = champions.count()
    horizon = today + datetime.timedelta(days=EXPIRING_DAYS)
    completed = Q(status=TrainingStatus.COMPLETED)
    counts = {
        row["module"]: row
        for row in TrainingRecord.objects.filter(champion__in=champions)
        .values("module")
        .annotate(
            in_date=Count(
                "pk", filter=completed & (Q(expires_on__isnull=True) | Q(expires_on__gt=horizon))
            ),
            expiring=Count("pk", filter=completed & Q(expires_on__range=(today, horizon))),
            expired=Count(
                "pk",
                filter=Q(status=TrainingStatus.EXPIRED) | (completed & Q(expires_on__lt=today)),
            ),
        )
    }
    rows = []
    for module in TrainingModule.objects.order_by("display_order", "title"):
        row = counts.get(module.pk, {})
        in_date, expiring, expired = (row.get(k, 0) for k in ("in_date", "expiring", "expired"))
        rows.append(
            {
                "module": module.title,
                "required": "Yes" if module.required_for_activation else "No",
                "champions": total,
                "in_date": in_date,
                "expiring": expiring,
                "expired": expired,
                "not_completed": total - in_date - expiring - expired,
            }
        )
    return {"rows": rows, "champions": total}


def events_and_attendance(*, start, end, area=None, kind=None) -> dict:
    """Per kind of event held in the period (ended, not cancelled): events, bookings,
    champions present, walk-ins, no-show rate (of bookings whose attendance was recorded)
    and, for co-production meetings, how many met the parent quorum."""
    events = _events_held(start, end, area=area, kind=kind).filter(ends_at__lte=timezone.now())
    booked = Q(registrations__status=RegistrationStatus.BOOKED)
    counts = {
        row["kind"]: row
        for row in events.values("kind").annotate(
            held=Count("pk", distinct=True),
            bookings=Count("registrations", filter=booked, distinct=True),
            present=Count(
                "registrations", filter=booked & Q(registrations__attended=True), distinct=True
            ),
            absent=Count(
                "registrations", filter=booked & Q(registrations__attended=False), distinct=True
            ),
        )
    }
    walk_ins = dict(
        WalkIn.objects.filter(event__in=events)
        .values("event__kind")
        .annotate(n=Count("pk"))
        .values_list("event__kind", "n")
    )
    required = EventsSettings.load().meeting_quorum_parents
    quorate = (
        events_with_parents_present(events.filter(kind=EventKind.CO_PRODUCTION))
        .filter(parents_present__gte=required)
        .count()
    )
    rows = []
    for event_kind in EventKind:
        row = counts.get(event_kind.value, {})
        recorded = row.get("present", 0) + row.get("absent", 0)
        rows.append(
            {
                "kind": event_kind.label,
                "held": row.get("held", 0),
                "bookings": row.get("bookings", 0),
                "present": row.get("present", 0),
                "walk_ins": walk_ins.get(event_kind.value, 0),
                "no_show_rate": f"{row.get('absent', 0) / recorded:.0%}" if recorded else "-",
                "quorate": quorate if event_kind == EventKind.CO_PRODUCTION else "-",
            }
        )
    return {"rows": rows, "quorum": required}
