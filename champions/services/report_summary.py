"""The activity summary (models/report_summary.py) kept equal to the approved logs.

Every change works the same way: what the rows it touches add to the summary is read from
the database before the change and after it, and the difference is added in one statement
(an upsert that adds to the row, so concurrent approvals add up rather than overwrite). The
receivers in receivers.py call these at each moment a log, its factors or its champion's
ward or stage change; writes behind the signals' back (COPY, QuerySet.update) are followed
by `activity_summary_rebuild` (the bench generator, the demo, `manage.py
report_summary_rebuild`).
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth

from ..choices import ActivityStatus
from ..models import ActivityFactor, ActivityLog, ActivitySummary

EVERY_FACTOR = ""
NO_WARD = 0

# (month, area_pk, stage, factor) -> [hours, activities]
Figures = dict[tuple, list]


def _figures() -> Figures:
    return defaultdict(lambda: [Decimal(0), 0])


def activity_summary_figures(logs: QuerySet, *, factors: bool = True) -> Figures:
    """What these logs add to the summary as the database holds them now: their own row and
    (with `factors`) a row for each factor. One query (the factors joined)."""
    found, seen = _figures(), set()
    fields = ["pk", "champion__area", "champion__stage", "date", "hours"]
    rows = logs.filter(status=ActivityStatus.APPROVED).values_list(
        *fields, *(["factors__factor"] if factors else [])
    )
    for pk, area, stage, date, hours, *factor in rows:
        key = (date.replace(day=1), area or NO_WARD, stage)
        if pk not in seen:
            seen.add(pk)
            _add(found, (*key, EVERY_FACTOR), hours, 1)
        if factor and factor[0] is not None:
            _add(found, (*key, factor[0]), hours, 1)
    return found


def activity_summary_factor_figures(rows: QuerySet) -> Figures:
    """What these ActivityFactor rows add (their factors' rows only), as stored now."""
    found = _figures()
    for area, stage, date, hours, factor in rows.filter(
        activity__status=ActivityStatus.APPROVED
    ).values_list(
        "activity__champion__area",
        "activity__champion__stage",
        "activity__date",
        "activity__hours",
        "factor",
    ):
        _add(found, (date.replace(day=1), area or NO_WARD, stage, factor), hours, 1)
    return found


def _add(found: Figures, key: tuple, hours, activities: int) -> None:
    found[key][0] += hours
    found[key][1] += activities


def activity_summary_apply(*, before: Figures | None = None, after: Figures | None = None):
    """Add `after` minus `before` to the summary, in one statement."""
    change = _figures()
    for figures, sign in ((after or {}, 1), (before or {}, -1)):
        for key, (hours, activities) in figures.items():
            _add(change, key, sign * hours, sign * activities)
    rows = sorted((k, v) for k, v in change.items() if v[0] or v[1])  # sorted: no deadlocks
    if rows:
        _upsert(rows)


def _upsert(rows: list) -> None:
    table = connection.ops.quote_name(ActivitySummary._meta.db_table)
    ops = connection.ops
    params = []
    for (month, area, stage, factor), (hours, activities) in rows:
        params += [ops.adapt_datefield_value(month), area, stage, factor]
        params += [ops.adapt_decimalfield_value(hours, 14, 2), activities]
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    # INSERT ... ON CONFLICT DO UPDATE: PostgreSQL 9.5+ and SQLite 3.24+ alike. Only the
    # table's own name is formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {table} (month, area_pk, stage, factor, hours, activities) "  # noqa: S608
        f"VALUES {values} ON CONFLICT (month, area_pk, stage, factor) DO UPDATE SET "
        f"hours = {table}.hours + excluded.hours, "
        f"activities = {table}.activities + excluded.activities"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@transaction.atomic
def activity_summary_rebuild() -> int:
    """Count the summary afresh from every approved log; returns the rows written."""
    ActivitySummary.objects.all().delete()
    approved = ActivityLog.objects.filter(status=ActivityStatus.APPROVED)
    totals = approved.values(
        "champion__area", "champion__stage", month=TruncMonth("date")
    ).annotate(total=Sum("hours"), n=Count("pk"))
    by_factor = (
        ActivityFactor.objects.filter(activity__status=ActivityStatus.APPROVED)
        .values(
            "activity__champion__area",
            "activity__champion__stage",
            "factor",
            month=TruncMonth("activity__date"),
        )
        .annotate(total=Sum("activity__hours"), n=Count("pk"))
    )
    rows = [
        ActivitySummary(
            month=_as_date(row["month"]),
            area_pk=row.get("champion__area", row.get("activity__champion__area")) or NO_WARD,
            stage=row.get("champion__stage", row.get("activity__champion__stage")),
            factor=row.get("factor", EVERY_FACTOR),
            hours=row["total"],
            activities=row["n"],
        )
        for row in [*totals, *by_factor]
    ]
    ActivitySummary.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value
