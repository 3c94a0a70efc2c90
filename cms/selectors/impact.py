"""Live impact figures and the monthly chart, from the programme's own records.

Each function runs a fixed number of aggregate queries whatever the amount of data. Asked for
today's (no `today`), they come from the shared cache (cms/cache.py figures_cached), which an
approval retires at once.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from champions.choices import ActivityStatus, Stage
from champions.models import ActivityLog, Champion
from events.choices import EventStatus
from events.models import Event

from ..cache import figures_cached
from ..choices import OutcomeStatus
from ..models.outcomes import OutcomePage


@dataclass(frozen=True)
class Figures:
    active_champions: int
    hours_this_year: float
    events_held: int
    families_reached: int
    wards_covered: int
    outcomes_achieved: int


def impact_figures(today: datetime.date | None = None) -> Figures:
    """The headline figures on the home and impact pages."""
    if today is None:
        today = timezone.localdate()
        return figures_cached(f"figures:{today}", lambda: impact_figures(today))
    year_start = today.replace(month=1, day=1)
    now = timezone.now()
    champions = Champion.objects.filter(stage=Stage.ACTIVE).aggregate(
        active=Count("pk"), wards=Count("area", distinct=True)
    )
    hours = ActivityLog.objects.filter(
        status=ActivityStatus.APPROVED, date__gte=year_start, date__lte=today
    ).aggregate(total=Sum("hours"))["total"]
    held = (
        Event.objects.filter(ends_at__lt=now, ends_at__date__gte=year_start)
        .exclude(status=EventStatus.CANCELLED)
        .aggregate(held=Count("pk"), families=Sum("families_reached"))
    )
    achieved = OutcomePage.objects.live().filter(status=OutcomeStatus.ACHIEVED).count()
    return Figures(
        active_champions=champions["active"],
        hours_this_year=float(hours or 0),
        events_held=held["held"],
        families_reached=held["families"] or 0,
        wards_covered=champions["wards"],
        outcomes_achieved=achieved,
    )


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date
    hours: float
    families: int


def impact_monthly_series(today: datetime.date | None = None, months: int = 12) -> list[MonthRow]:
    """Approved hours and families reached per month, for the last `months` months."""
    if today is None:
        today = timezone.localdate()
        return figures_cached(
            f"monthly:{today}:{months}", lambda: impact_monthly_series(today, months)
        )
    first = today.replace(day=1) - relativedelta(months=months - 1)
    hours = dict(
        ActivityLog.objects.filter(status=ActivityStatus.APPROVED, date__gte=first, date__lte=today)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("hours"))
        .values_list("month", "total")
    )
    families = dict(
        Event.objects.filter(starts_at__date__gte=first, starts_at__date__lte=today)
        .filter(~Q(status=EventStatus.CANCELLED))
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(total=Sum("families_reached"))
        .values_list("month", "total")
    )
    families = {_as_date(k): v for k, v in families.items()}
    hours = {_as_date(k): v for k, v in hours.items()}
    rows = []
    month = first
    for _ in range(months):
        rows.append(
            MonthRow(
                month=month,
                hours=float(hours.get(month) or 0),
                families=int(families.get(month) or 0),
            )
        )
        month += relativedelta(months=1)
    return rows


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value
