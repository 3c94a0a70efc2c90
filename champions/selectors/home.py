"""Reads for the coordinator's admin home page: work waiting in the champions app.

Each returns `(count, first rows)`, one or two queries a section whatever the programme's size.
"""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Window

from ..choices import ActivityStatus, CheckKind, CheckStatus, ExpenseStatus, Stage, TrainingStatus
from ..models import (
    ActivityLog,
    Champion,
    ExpenseClaim,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingRecord,
)
from .champions import champions_ready_to_activate

DUE_SOON_DAYS = 30
# Stages whose checks and training must stay in date.
SERVING_STAGES = [Stage.ACTIVE, Stage.PAUSED]
# What a row names: the champion's name and ward, from a champion or a record of theirs.
CHAMPION_RELATED = ("user", "area")
OF_CHAMPION = ("champion__user", "champion__area")


def _count_and_first(queryset: QuerySet, limit: int) -> tuple[int, list]:
    """For the tens of thousands of logs waiting: the count from an index, then the rows."""
    return queryset.count(), list(queryset[:limit])


def _counted_first(queryset: QuerySet, limit: int, related: tuple = ()) -> tuple[int, list]:
    """For the few (checks due, training lapsed, champions ready): the count a window over every
    matching row, taken before the LIMIT (the digest asks for the count only), in a query of
    keys alone; then the first rows by key with their `related` records. Joining the related
    records in the counting query made PostgreSQL join them for every match before the LIMIT:
    for two thousand lapsed training records, three times the time of the keys alone."""
    if limit <= 0:
        return queryset.count(), []
    window = queryset.annotate(matching=Window(Count("pk")))
    first = list(window.values_list("pk", "matching")[:limit])
    if not first:
        return 0, []
    found = (
        queryset.model._base_manager.select_related(*related)
        .order_by()
        .in_bulk([pk for pk, _ in first])
    )
    return first[0][1], [found[pk] for pk, _ in first if pk in found]


def reviews_waiting(*, limit: int, logs: bool = True, claims: bool = True) -> dict:
    """Activity logs and expense claims waiting for review, oldest first (each only if asked)."""
    related = ("champion__user", "champion__area")
    found = {}
    for name, model, status, wanted in (
        ("logs", ActivityLog, ActivityStatus.SUBMITTED, logs),
        ("claims", ExpenseClaim, ExpenseStatus.SUBMITTED, claims),
    ):
        if wanted:
            waiting = model.objects.filter(status=status).select_related(*related)
            found[name] = _count_and_first(waiting.order_by("created_at", "pk"), limit)
    return found


def champions_enquiries_not_contacted() -> QuerySet:
    """Enquiries nobody has acted on: no stage change after sign-up and no supervision note."""
    moved = StageChange.objects.filter(champion=OuterRef("pk")).exclude(from_stage="")
    noted = SupervisionNote.objects.filter(champion=OuterRef("pk"))
    return Champion.objects.filter(
        Q(stage=Stage.ENQUIRY), ~Exists(moved), ~Exists(noted), anonymised_at__isnull=True
    )


def enquiries_waiting(*, limit: int) -> tuple[int, list]:
    """New enquiries not yet contacted, oldest first."""
    queryset = champions_enquiries_not_contacted().order_by("joined_on", "pk")
    return _counted_first(queryset, limit, CHAMPION_RELATED)


def dbs_checks_due(*, today: datetime.date, limit: int) -> dict:
    """Serving champions' DBS checks past renewal, and those due in the next 30 days."""
    checks = OnboardingCheck.objects.filter(
        kind=CheckKind.DBS, status=CheckStatus.COMPLETE, champion__stage__in=SERVING_STAGES
    ).order_by("renewal_due_on", "pk")
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return {
        "overdue": _counted_first(checks.filter(renewal_due_on__lt=today), limit, OF_CHAMPION),
        "due": _counted_first(
            checks.filter(renewal_due_on__range=(today, horizon)), limit, OF_CHAMPION
        ),
    }


def dbs_checks_overdue(*, today: datetime.date) -> QuerySet:
    """Serving champions' DBS checks past their renewal date (the digest lists them all)."""
    return (
        OnboardingCheck.objects.filter(
            kind=CheckKind.DBS,
            status=CheckStatus.COMPLETE,
            champion__stage__in=SERVING_STAGES,
            renewal_due_on__lt=today,
        )
        .select_related("champion__user", "champion__area")
        .order_by("renewal_due_on", "pk")
    )


def required_training_due(*, today: datetime.date, limit: int) -> dict:
    """Serving champions' required training that has lapsed, and that lapses in 30 days."""
    records = TrainingRecord.objects.filter(
        module__required_for_activation=True, champion__stage__in=SERVING_STAGES
    ).order_by("expires_on", "pk")
    related = (*OF_CHAMPION, "module")
    lapsed = Q(status=TrainingStatus.EXPIRED) | Q(
        status=TrainingStatus.COMPLETED, expires_on__lt=today
    )
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return {
        "expired": _counted_first(records.filter(lapsed), limit, related),
        "expiring": _counted_first(
            records.filter(status=TrainingStatus.COMPLETED, expires_on__range=(today, horizon)),
            limit,
            related,
        ),
    }


def champions_ready(*, today: datetime.date, limit: int) -> tuple[int, list]:
    """Champions not yet active who meet the readiness rule."""
    queryset = champions_ready_to_activate(Champion.objects.all(), today)
    return _counted_first(queryset.order_by("pk"), limit, CHAMPION_RELATED)
