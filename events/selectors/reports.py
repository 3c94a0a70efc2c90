"""Figures for the funder reports (events/reports/): a fixed number of aggregate queries each,
whatever the amount of data. Every ward (and every factor, module and month) is listed, with
zero where nothing happened, so that gaps show."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from champions.choices import ActivityStatus, Stage, TrainingStatus
from champions.models import (
    ActivityLog,
    Area,
    Champion,
    ProtectiveFactor,
    TrainingModule,
    TrainingRecord,
)
from champions.report_cache import report_figures_cached
from champions.selectors.reports import approved_activity_figures

from ..choices import AttendeeRole, EventKind, EventStatus, RegistrationStatus
from ..models import Event, EventsSettings, Registration, WalkIn

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
    with totals and the change on the period of the same length just before (cached per
    filter set: champions/report_cache.py)."""
    params = {"start": start, "end": end, "area": area, "stage": stage, "kind": kind}
    return report_figures_cached("hours-and-reach", params, lambda: _hours_and_reach(**params))


def _hours_and_reach(*, start, end, area, stage, kind) -> dict:
    hours = approved_activity_figures(start=start, end=end, area=area, stage=stage)
    families = {
        (row["area"], _as_date(row["month"])): row["families"] or 0
        for row in _events_held(start, end, area=area, kind=kind)
        .annotate(month=TruncMonth("starts_at"))
        .values("area", "month")
        .annotate(families=Sum("families_reached"))
    }
    rows, months = [], _months(start, end)
    for ward_pk, ward in _wards(area):
        for month in months:
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
    previous = approved_activity_figures(
        start=before_start, end=before_end, area=filters["area"], stage=filters["stage"]
    )
    previous_hours = sum((row["hours"] for row in previous.values()), Decimal(0))
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
    """Approved hours and activities per protective factor, by ward and quarter (zeros kept;
    cached per filter set: champions/report_cache.py)."""
    params = {"start": start, "end": end, "area": area, "stage": stage}
    return report_figures_cached("factor-coverage", params, lambda: _factor_coverage(**params))


def _factor_coverage(*, start, end, area, stage) -> dict:
    found = defaultdict(lambda: {"hours": Decimal(0), "activities": 0})
    for (ward_pk, month, code), row in approved_activity_figures(
        start=start, end=end, area=area, stage=stage, by_factor=True
    ).items():
        quarter = found[(ward_pk, month.replace(month=(month.month - 1) // 3 * 3 + 1), code)]
        quarter["hours"] += row["hours"]
        quarter["activities"] += row["activities"]
    factors = list(ProtectiveFactor.objects.order_by("sort_order").values_list("code", "label"))
    rows, quarters = [], _quarters(start, end)
    for ward_pk, ward in _wards(area):
        for quarter in quarters:
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
    held = dict(events.values("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    # Counted from the registrations' side, grouped by their event's kind: a join without
    # the DISTINCT that counting from the events' side needs (it cost seconds at N=1).
    counts = {
        row["event__kind"]: row
        for row in Registration.objects.filter(event__in=events, status=RegistrationStatus.BOOKED)
        .values("event__kind")
        .annotate(
            bookings=Count("pk"),
            present=Count("pk", filter=Q(attended=True)),
            absent=Count("pk", filter=Q(attended=False)),
        )
    }
    walk_ins = dict(
        WalkIn.objects.filter(event__in=events)
        .values("event__kind")
        .annotate(n=Count("pk"))
        .values_list("event__kind", "n")
    )
    required = EventsSettings.load().meeting_quorum_parents
    quorate = _quorate_meetings(events.filter(kind=EventKind.CO_PRODUCTION), required)
    rows = []
    for event_kind in EventKind:
        row = counts.get(event_kind.value, {})
        recorded = row.get("present", 0) + row.get("absent", 0)
        rows.append(
            {
                "kind": event_kind.label,
                "held": held.get(event_kind.value, 0),
                "bookings": row.get("bookings", 0),
                "present": row.get("present", 0),
                "walk_ins": walk_ins.get(event_kind.value, 0),
                "no_show_rate": f"{row.get('absent', 0) / recorded:.0%}" if recorded else "-",
                "quorate": quorate if event_kind == EventKind.CO_PRODUCTION else "-",
            }
        )
    return {"rows": rows, "quorum": required}


def _quorate_meetings(meetings, required: int) -> int:
    """How many of the meetings had `required` parents present (champions marked present
    plus parent walk-ins): two grouped counts, not two subqueries for every meeting."""
    if required <= 0:
        return meetings.count()
    present = Counter(
        dict(
            Registration.objects.filter(
                event__in=meetings, status=RegistrationStatus.BOOKED, attended=True
            )
            .values("event")
            .annotate(n=Count("pk"))
            .values_list("event", "n")
        )
    )
    present.update(
        dict(
            WalkIn.objects.filter(event__in=meetings, role=AttendeeRole.PARENT)
            .values("event")
            .annotate(n=Count("pk"))
            .values_list("event", "n")
        )
    )
    return sum(1 for n in present.values() if n >= required)
