"""Reads for champions: querysets with what their pages need, in a constant number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .choices import CheckKind, ConsentKind, Stage, TrainingStatus
from .models import (
    Champion,
    Consent,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)
from .readiness import Progress, readiness_gaps, training_progress

# Items expiring within this many days are highlighted for champions and staff.
EXPIRING_SOON_DAYS = 60
# Stages from which a champion may be made active (the "ready to activate" filter).
PRE_ACTIVE_STAGES = [Stage.ENQUIRY, Stage.ONBOARDING, Stage.IN_TRAINING, Stage.PAUSED]


def required_modules() -> list[TrainingModule]:
    return list(TrainingModule.objects.filter(required_for_activation=True))


def champions_with_progress(queryset: QuerySet | None = None) -> QuerySet:
    """Champions with user, area, checks and training records loaded for readiness and progress."""
    queryset = Champion.objects.all() if queryset is None else queryset
    return queryset.select_related("user", "area").prefetch_related(
        Prefetch("checks", queryset=OnboardingCheck.objects.all()),
        Prefetch("training_records", queryset=TrainingRecord.objects.select_related("module")),
    )


def champions_for_listing(queryset: QuerySet | None = None) -> QuerySet:
    """Champions for the staff listing and export: progress and DBS renewal without N+1."""
    required_total = (
        TrainingModule.objects.filter(required_for_activation=True)
        .order_by()
        .values("required_for_activation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return champions_with_progress(queryset).annotate(
        required_modules_total=Coalesce(Subquery(required_total, output_field=IntegerField()), 0)
    )


def champions_ready_to_activate(queryset: QuerySet, today: datetime.date) -> QuerySet:
    """The champions in `queryset`, not yet active, for whom the readiness rule has no gaps."""
    modules = required_modules()
    candidates = champions_with_progress(queryset.filter(stage__in=PRE_ACTIVE_STAGES))
    ready = [c.pk for c in candidates if not readiness_gaps(c, modules, today)]
    return queryset.filter(pk__in=ready)


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


def consents_current(champion, now=None) -> dict[str, Consent]:
    """The current consent per kind (latest row, not withdrawn, not expired)."""
    latest = {}
    for consent in champion.consents.all():  # ordered newest first within each kind
        latest.setdefault(consent.kind, consent)
    return {k: c for k, c in latest.items() if c.is_current(now)}


def champion_has_consent(champion, kind: ConsentKind, now=None) -> bool:
    latest = champion.consents.filter(kind=kind).order_by("-given_at", "-pk").first()
    return latest is not None and latest.is_current(now)


@dataclass
class ModuleRow:
    """One catalogue module as a champion sees it: their status and when it expires."""

    module: TrainingModule
    record: TrainingRecord | None
    status: str
    status_label: str
    expires_on: datetime.date | None
    expiring_soon: bool


@dataclass
class Journey:
    """Everything "My journey" shows, computed from one champion's prefetched records."""

    champion: Champion
    stage_history: list[StageChange]
    progress: Progress
    modules: list[ModuleRow]
    gaps: list[str]
    next_step: str
    dbs_check: OnboardingCheck | None
    expiring: list[str] = field(default_factory=list)
    dbs_expiring_soon: bool = False


def champion_journey(champion: Champion, today: datetime.date) -> Journey:
    """The champion's stage, history, training and what is missing before the next stage."""
    champion = (
        champions_with_progress(Champion.objects.filter(pk=champion.pk))
        .prefetch_related(Prefetch("stage_changes", queryset=StageChange.objects.all()))
        .get()
    )
    modules = list(TrainingModule.objects.all())
    required = [m for m in modules if m.required_for_activation]
    records = {r.module_id: r for r in champion.training_records.all()}
    soon = today + datetime.timedelta(days=EXPIRING_SOON_DAYS)
    rows, expiring = [], []
    for module in modules:
        record = records.get(module.pk)
        status = record.effective_status(today) if record else None
        expires_on = record.expires_on if record and record.completed_on else None
        expiring_soon = bool(
            status == TrainingStatus.COMPLETED and expires_on and today <= expires_on <= soon
        )
        if expiring_soon:
            expiring.append(f"Training “{module.title}” expires on {expires_on:%-d %B %Y}")
        rows.append(
            ModuleRow(
                module=module,
                record=record,
                status=status or "",
                status_label=status.label if status else "Not started",
                expires_on=expires_on,
                expiring_soon=expiring_soon,
            )
        )
    dbs = next((c for c in champion.checks.all() if c.kind == CheckKind.DBS), None)
    dbs_expiring_soon = bool(
        dbs and dbs.is_in_date(today) and dbs.renewal_due_on and dbs.renewal_due_on <= soon
    )
    if dbs_expiring_soon:
        expiring.insert(0, f"DBS check renewal is due on {dbs.renewal_due_on:%-d %B %Y}")
    gaps = readiness_gaps(champion, required, today)
    if champion.stage in PRE_ACTIVE_STAGES:
        next_step = "Before you can become an active champion" if gaps else ""
    elif champion.stage == Stage.ACTIVE:
        next_step = "To stay active" if gaps else ""
    else:
        next_step, gaps = "", []
    return Journey(
        champion=champion,
        stage_history=list(champion.stage_changes.all()),
        progress=training_progress(champion, required, today),
        modules=rows,
        gaps=gaps,
        next_step=next_step,
        dbs_check=dbs,
        expiring=expiring,
        dbs_expiring_soon=dbs_expiring_soon,
    )


def champion_transcript_records(champion: Champion) -> list[TrainingRecord]:
    """The champion's training records for the PDF transcript, in catalogue order."""
    return list(
        TrainingRecord.objects.filter(champion=champion)
        .select_related("module")
        .exclude(status=TrainingStatus.ENROLLED)
    )


def champion_for_staff(pk) -> Champion:
    """One champion with everything the staff record page shows, in a fixed number of queries."""
    return (
        champions_for_listing(Champion.objects.filter(pk=pk))
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
