"""Figures for the funder reports that only need the champions app: expenses, the
onboarding pipeline, and approved hours and activities (from the activity summary). A fixed
number of queries each; every category, month and stage is listed, with zero where nothing
happened."""

import datetime
import statistics
from collections import defaultdict
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from ..choices import ActivityStatus, ExpenseCategory, ExpenseStatus, Stage
from ..models import (
    ActivityFactor,
    ActivityLog,
    ActivitySummary,
    Champion,
    ExpenseClaim,
    StageChange,
)


def _months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    month, months = start.replace(day=1), []
    while month <= end:
        months.append(month)
        month += relativedelta(months=1)
    return months


def expenses_by_category_and_month(*, start, end, area=None, stage=None) -> dict:
    """Claimed (everything sent), approved (approved or paid) and paid, by category and month
    of the expense; childcare is its own category and its own total."""
    claims = ExpenseClaim.objects.filter(date__range=(start, end))
    if area is not None:
        claims = claims.filter(champion__area=area)
    if stage:
        claims = claims.filter(champion__stage=stage)
    approved = Q(status__in=[ExpenseStatus.APPROVED, ExpenseStatus.PAID])
    found = {
        (row["category"], row["month"]): row
        for row in claims.annotate(month=TruncMonth("date"))
        .values("category", "month")
        .annotate(
            claimed=Sum("amount"),
            approved=Sum("amount", filter=approved),
            paid=Sum("amount", filter=Q(status=ExpenseStatus.PAID)),
            claims=Count("pk"),
        )
    }
    rows = []
    for category in ExpenseCategory:
        for month in _months(start, end):
            row = found.get((category.value, month), {})
            rows.append(
                {
                    "category": category.label,
                    "month": f"{month:%b %Y}",
                    "claims": row.get("claims", 0),
                    **{k: row.get(k) or Decimal("0.00") for k in ("claimed", "approved", "paid")},
                }
            )
    totals = defaultdict(lambda: Decimal("0.00"))
    for row in rows:
        totals[row["category"]] += row["paid"]
    return {"rows": rows, "paid_by_category": list(totals.items())}


def onboarding_pipeline(*, start, end, area=None) -> dict:
    """Champions at each stage now; moves between stages in the period (conversion from each
    stage); median days spent in a stage, over the stays that ended in the period."""
    champions = Champion.objects.filter(anonymised_at__isnull=True)
    changes = StageChange.objects.all()
    if area is not None:
        champions = champions.filter(area=area)
        changes = changes.filter(champion__area=area)
    now = dict(champions.values("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    moves = defaultdict(int)
    stays = defaultdict(list)
    entered = {}
    history = changes.filter(changed_at__date__lte=end).order_by("champion_id", "changed_at", "pk")
    for champion_id, from_stage, to_stage, at in history.values_list(
        "champion_id", "from_stage", "to_stage", "changed_at"
    ).iterator():
        in_period = at.date() >= start
        if in_period and from_stage:
            moves[(from_stage, to_stage)] += 1
        previous = entered.get(champion_id)
        if in_period and previous and previous[0] == from_stage:
            stays[from_stage].append((at - previous[1]).days)
        entered[champion_id] = (to_stage, at)
    rows = []
    for stage in Stage:
        left = sum(n for (a, _), n in moves.items() if a == stage.value)
        onward = sum(n for (a, b), n in moves.items() if a == stage.value and _onward(a, b))
        rows.append(
            {
                "stage": stage.label,
                "now": now.get(stage.value, 0),
                "moved_on": left,
                "conversion": f"{onward / left:.0%}" if left else "-",
                "median_days": statistics.median(stays[stage.value]) if stays[stage.value] else "-",
            }
        )
    return {"rows": rows}


ORDER = [Stage.ENQUIRY, Stage.ONBOARDING, Stage.IN_TRAINING, Stage.ACTIVE]


def _onward(from_stage: str, to_stage: str) -> bool:
    """A move further along enquiry → onboarding → in training → active."""
    order = [s.value for s in ORDER]
    return to_stage in order and (
        from_stage not in order or order.index(to_stage) > order.index(from_stage)
    )


def approved_activity_figures(*, start, end, area=None, stage=None, by_factor=False) -> dict:
    """Approved hours and activities dated `start` to `end`, keyed (ward pk or None, month)
    or, `by_factor`, (ward pk or None, month, factor code). Whole months are read from the
    activity summary (models/report_summary.py), the days of a month only partly inside the
    period from the logs: two queries, whatever the amount of data."""
    found = defaultdict(lambda: {"hours": Decimal(0), "activities": 0})

    def add(key, hours, activities):
        found[key]["hours"] += hours or 0
        found[key]["activities"] += activities

    # Both queries run even when one has nothing to read (an empty range), so that the count
    # does not depend on where the period starts and ends.
    first, last = _whole_months(start, end)
    summary = ActivitySummary.objects.filter(month__range=(first, last))
    summary = summary.exclude(factor="") if by_factor else summary.filter(factor="")
    if area is not None:
        summary = summary.filter(area_pk=area.pk)
    if stage:
        summary = summary.filter(stage=stage)
    names = ["area_pk", "month", *(["factor"] if by_factor else [])]
    for row in summary.values(*names).annotate(h=Sum("hours"), n=Sum("activities")):
        add((row["area_pk"] or None, *(row[name] for name in names[1:])), row["h"], row["n"])
    days = _days_outside_whole_months(start, end, first, last)
    for key, hours, activities in _approved_logs_figures(days, area, stage, by_factor):
        add(key, hours, activities)
    return found


def _whole_months(start, end) -> tuple[datetime.date, datetime.date]:
    """The first day of the first whole month inside start..end, and the last day of the last."""
    first = start if start.day == 1 else start.replace(day=1) + relativedelta(months=1)
    after = end + datetime.timedelta(days=1)
    last = end if after.day == 1 else end.replace(day=1) - datetime.timedelta(days=1)
    return first, last


def _days_outside_whole_months(start, end, first, last) -> list[tuple]:
    if first > last:
        return [(start, end)]
    one = datetime.timedelta(days=1)
    return [
        *([(start, first - one)] if start < first else []),
        *([(last + one, end)] if end > last else []),
    ] or [(end + one, end)]  # no such days: an empty range


def _approved_logs_figures(days: list[tuple], area, stage, by_factor: bool):
    if by_factor:
        # One row per activity and factor (a unique constraint), so no DISTINCT is needed.
        rows = ActivityFactor.objects.filter(activity__status=ActivityStatus.APPROVED)
        prefix, extra = "activity__", ["factor"]
    else:
        rows = ActivityLog.objects.filter(status=ActivityStatus.APPROVED)
        prefix, extra = "", []
    in_days = Q()
    for period in days:
        in_days |= Q(**{f"{prefix}date__range": period})
    rows = rows.filter(in_days)
    if area is not None:
        rows = rows.filter(**{f"{prefix}champion__area": area})
    if stage:
        rows = rows.filter(**{f"{prefix}champion__stage": stage})
    for row in (
        rows.annotate(month=TruncMonth(f"{prefix}date"))
        .values(f"{prefix}champion__area", "month", *extra)
        .annotate(h=Sum(f"{prefix}hours"), n=Count("pk"))
    ):
        month = row["month"].date() if isinstance(row["month"], datetime.datetime) else row["month"]
        key = (row[f"{prefix}champion__area"], month, *(row[name] for name in extra))
        yield key, row["h"], row["n"]
