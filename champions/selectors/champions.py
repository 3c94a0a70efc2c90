"""Reads for the staff's lists of champions: progress, readiness and renewals without N+1."""

import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..choices import CheckKind, CheckStatus, Stage, TrainingStatus
from ..models import (
    Champion,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)

# Items expiring within this many days are highlighted for champions and staff.
EXPIRING_SOON_DAYS = 60
# Stages from which a champion may be made active (the "ready to activate" filter).
PRE_ACTIVE_STAGES = [Stage.ENQUIRY, Stage.ONBOARDING, Stage.IN_TRAINING, Stage.PAUSED]


def champions_with_progress(queryset: QuerySet | None = None) -> QuerySet:
    """Champions with user, area, checks and training records loaded for readiness and progress."""
    queryset = Champion.objects.all() if queryset is None else queryset
    return queryset.select_related("user", "area").prefetch_related(
        Prefetch("checks", queryset=OnboardingCheck.objects.all()),
        Prefetch("training_records", queryset=TrainingRecord.objects.select_related("module")),
    )


def _required_modules_total() -> Coalesce:
    """How many modules are required for activation, as one subquery beside each champion."""
    required_total = (
        TrainingModule.objects.filter(required_for_activation=True)
        .order_by()
        .values("required_for_activation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(required_total, output_field=IntegerField()), 0)


def champions_for_listing(queryset: QuerySet | None = None) -> QuerySet:
    """Champions for the staff listing and export: progress and DBS renewal without N+1.

    Only the records of required modules are loaded (with their module): progress counts
    nothing else, and a champion has a record for most of the catalogue, so loading them all
    made a page of 50 build some 2,000 objects."""
    queryset = Champion.objects.all() if queryset is None else queryset
    required_records = TrainingRecord.objects.filter(
        module__required_for_activation=True
    ).select_related("module")
    return (
        queryset.select_related("user", "area")
        .prefetch_related(
            Prefetch("checks", queryset=OnboardingCheck.objects.all()),
            Prefetch("training_records", queryset=required_records),
        )
        .annotate(required_modules_total=_required_modules_total())
    )


def _champions_with_all(rows: QuerySet, how_many: int) -> QuerySet:
    """Ids of champions not yet active who have `how_many` of `rows`."""
    return (
        rows.filter(champion__stage__in=PRE_ACTIVE_STAGES)
        .order_by()
        .values("champion")
        .annotate(n=Count("pk"))
        .filter(n=how_many)
        .values("champion")
    )


def champions_ready_to_activate(queryset: QuerySet, today: datetime.date) -> QuerySet:
    """The champions in `queryset`, not yet active, for whom the readiness rule has no gaps.

    The rule of champion_readiness_gaps (readiness.py) in SQL, so that the admin home and the
    listing's filter cost one query however many champions are waiting: every kind of check
    complete and in date, and every required module completed and in date (one check per kind
    and one record per module, by constraint). Counted per champion in two grouped subqueries
    over the champions not yet active: a subquery per champion made PostgreSQL plan (and JIT-
    compile) for every champion, four times slower at 10,000."""
    in_date = Q(renewal_due_on__isnull=True) | Q(renewal_due_on__gte=today)
    checks = OnboardingCheck.objects.filter(
        in_date, kind__in=CheckKind.values, status=CheckStatus.COMPLETE
    )
    valid = Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    records = TrainingRecord.objects.filter(
        valid, module__required_for_activation=True, status=TrainingStatus.COMPLETED
    )
    required = TrainingModule.objects.filter(required_for_activation=True).count()
    ready = queryset.filter(
        stage__in=PRE_ACTIVE_STAGES, pk__in=_champions_with_all(checks, len(CheckKind))
    )
    if required:  # with no module required, no champion lacks one
        ready = ready.filter(pk__in=_champions_with_all(records, required))
    return ready


def champions_with_dbs_due(queryset: QuerySet, today: datetime.date, days: int) -> QuerySet:
    """Champions whose DBS renewal falls within `days` days (or is already overdue)."""
    due = OnboardingCheck.objects.filter(
        champion=OuterRef("pk"),
        kind=CheckKind.DBS,
        renewal_due_on__lte=today + datetime.timedelta(days=days),
    )
    return queryset.filter(Exists(due))


def champions_with_expired_training(queryset: QuerySet, today: datetime.date) -> QuerySet:
    """Champions with at least one completion that has lapsed (marked expired or past expiry)."""
    expired = TrainingRecord.objects.filter(champion=OuterRef("pk")).filter(
        Q(status=TrainingStatus.EXPIRED) | Q(status=TrainingStatus.COMPLETED, expires_on__lt=today)
    )
    return queryset.filter(Exists(expired))


def champion_has_current_dbs(champion: Champion, *, today=None) -> bool:
    """Whether the champion's DBS check is complete and not past its renewal date."""
    today = today or timezone.localdate()
    check = OnboardingCheck.objects.filter(champion=champion, kind=CheckKind.DBS).first()
    return check is not None and check.is_in_date(today)


def champion_for_staff(pk) -> Champion:
    """One champion with everything the staff record page shows, in a fixed number of queries."""
    return (
        champions_with_progress(Champion.objects.filter(pk=pk))
        .annotate(required_modules_total=_required_modules_total())
        .select_related("coordinator")
        .prefetch_related(
            "consents",
            Prefetch(
                "supervision_notes", queryset=SupervisionNote.objects.select_related("author")
            ),
            Prefetch("stage_changes", queryset=StageChange.objects.select_related("changed_by")),
        )
        .get()
    )
