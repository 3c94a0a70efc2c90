"""Writes for training: completions (one or many at once) and nightly expiry."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from wagtail.log_actions import log

from accounts.home_panels import home_panels_clear

from .. import audit
from ..choices import TrainingStatus
from ..models import Champion, TrainingModule, TrainingRecord
from ..validators import validate_not_in_future


@transaction.atomic
def training_record_complete(
    *, champion: Champion, module: TrainingModule, completed_on, verified_by
) -> TrainingRecord:
    """Record (or renew) a completion; its expiry follows from the module's validity."""
    record, _ = TrainingRecord.objects.select_for_update().get_or_create(
        champion=champion, module=module
    )
    record.status = TrainingStatus.COMPLETED
    record.completed_on = completed_on
    record.verified_by = verified_by
    record.save()
    log(
        instance=champion,
        action=audit.COMPLETE_TRAINING,
        user=verified_by,
        data={
            "module": module.title,
            "completed_on": completed_on.isoformat(),
            "expires_on": record.expires_on.isoformat() if record.expires_on else None,
        },
    )
    return record


@transaction.atomic
def training_completions_record(
    *,
    module: TrainingModule,
    completed_on: dt.date,
    champions: Iterable[Champion],
    verified_by,
) -> list[TrainingRecord]:
    """Record the same module and date for many champions at once (e.g. after a session)."""
    validate_not_in_future(completed_on, what="The completion date")
    return [
        training_record_complete(
            champion=champion, module=module, completed_on=completed_on, verified_by=verified_by
        )
        for champion in champions
    ]


@transaction.atomic
def training_records_expire(*, today: dt.date) -> int:
    """Mark completions past their expiry date as expired; returns how many changed."""
    lapsed = list(
        # of=self: the champion's ward is outer-joined, and cannot be locked.
        TrainingRecord.objects.select_for_update(of=("self",))
        .select_related("champion__user", "champion__area", "module")
        .filter(status=TrainingStatus.COMPLETED, expires_on__lt=today)
    )
    for record in lapsed:
        log(
            instance=record.champion,
            action=audit.EXPIRE_TRAINING,
            data={"module": record.module.title, "expired_on": record.expires_on.isoformat()},
        )
    TrainingRecord.objects.filter(pk__in=[r.pk for r in lapsed]).update(
        status=TrainingStatus.EXPIRED
    )
    return len(lapsed)


@transaction.atomic
def training_records_mark_attended(
    *, module_id: int, champion_ids: list[int], event_id: int | None = None
) -> None:
    """Champions present at a training session have attended its module (unless completed).

    What the mark changed is remembered (`attendance_event`, `status_before_attendance`) so
    that `training_records_unmark_attended` can undo it.
    """
    existing = {
        r.champion_id: r
        for r in TrainingRecord.objects.filter(module_id=module_id, champion_id__in=champion_ids)
    }
    to_update = [
        r
        for r in existing.values()
        if r.status not in (TrainingStatus.COMPLETED, TrainingStatus.ATTENDED)
    ]
    for record in to_update:
        record.status_before_attendance = record.status
        record.attendance_event_id = event_id
        record.status = TrainingStatus.ATTENDED
    TrainingRecord.objects.bulk_update(
        to_update, ["status", "status_before_attendance", "attendance_event", "updated_at"]
    )
    TrainingRecord.objects.bulk_create(
        [
            TrainingRecord(
                champion_id=pk,
                module_id=module_id,
                status=TrainingStatus.ATTENDED,
                attendance_event_id=event_id,
            )
            for pk in champion_ids
            if pk not in existing
        ]
    )
    home_panels_clear("checks")  # bulk writes send no signals; an expired record may have moved


@transaction.atomic
def training_records_unmark_attended(
    *, module_id: int, champion_ids: list[int], event_id: int
) -> int:
    """Undo what marking these champions present at session `event_id` did to their records:
    a record the mark created is deleted, one it moved to "attended" goes back to its old
    status. Records changed since (completed, or marked at another session) are kept.
    Returns how many records were undone."""
    records = list(
        TrainingRecord.objects.select_for_update().filter(
            module_id=module_id,
            champion_id__in=champion_ids,
            attendance_event_id=event_id,
            status=TrainingStatus.ATTENDED,
        )
    )
    created = [r.pk for r in records if not r.status_before_attendance]
    restored = [r for r in records if r.status_before_attendance]
    for record in restored:
        record.status = record.status_before_attendance
        record.status_before_attendance = ""
        record.attendance_event = None
    TrainingRecord.objects.filter(pk__in=created).delete()
    TrainingRecord.objects.bulk_update(
        restored, ["status", "status_before_attendance", "attendance_event", "updated_at"]
    )
    home_panels_clear("checks")  # bulk writes send no signals
    return len(records)
