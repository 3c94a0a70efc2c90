"""Reads for "My journey": a champion's stage, history, training and what is missing."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..choices import CheckKind, Stage, TrainingStatus
from ..models import Champion, OnboardingCheck, StageChange, TrainingModule, TrainingRecord
from ..models.training import Progress, training_progress
from .champions import EXPIRING_SOON_DAYS, PRE_ACTIVE_STAGES, champions_with_progress
from .readiness import champion_readiness_gaps


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


def _module_rows(modules, records, today, soon) -> tuple[list[ModuleRow], list[str]]:
    """Each catalogue module with the champion's status, and what expires before `soon`."""
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
    return rows, expiring


def _next_step(champion, gaps) -> tuple[str, list[str]]:
    if champion.stage in PRE_ACTIVE_STAGES:
        return ("Before you can become an active champion" if gaps else ""), gaps
    if champion.stage == Stage.ACTIVE:
        return ("To stay active" if gaps else ""), gaps
    return "", []


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
    rows, expiring = _module_rows(modules, records, today, soon)
    dbs = next((c for c in champion.checks.all() if c.kind == CheckKind.DBS), None)
    dbs_expiring_soon = bool(
        dbs and dbs.is_in_date(today) and dbs.renewal_due_on and dbs.renewal_due_on <= soon
    )
    if dbs_expiring_soon:
        expiring.insert(0, f"DBS check renewal is due on {dbs.renewal_due_on:%-d %B %Y}")
    next_step, gaps = _next_step(champion, champion_readiness_gaps(champion, required, today))
    return Journey(
        champion=champion,
        stage_history=list(champion.stage_changes.all()),
        progress=training_progress(
            champion.training_records.all(), required=len(required), today=today
        ),
        modules=rows,
        gaps=gaps,
        next_step=next_step,
        dbs_check=dbs,
        expiring=expiring,
        dbs_expiring_soon=dbs_expiring_soon,
    )
