"""Writes for attendance: an event's register, walk-ins and head counts, saved in one go."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from champions.services.training import (
    training_records_mark_attended,
    training_records_unmark_attended,
)

from .. import audit
from ..choices import EventKind, EventStatus
from ..models import Event, Registration, WalkIn
from ..selectors.attendance import event_register


@dataclass(frozen=True)
class WalkInData:
    """Someone at the event who did not book, as staff entered them on the register."""

    role: str
    name: str = ""
    organisation: str = ""


def _marks_save(event, marks) -> tuple[list[Registration], list[int]]:
    """Save the marks; returns the register and the champions no longer marked present."""
    registrations = list(event_register(event))
    changed, unmarked = {True: [], False: [], None: []}, []
    for registration in registrations:
        if registration.pk in marks and registration.attended != marks[registration.pk]:
            if registration.attended:
                unmarked.append(registration.champion_id)
            registration.attended = marks[registration.pk]
            changed[registration.attended].append(registration.pk)
    # One UPDATE per mark (none for a mark nobody changed to), not a CASE of a branch a row:
    # bulk_update built and sent 200 branches, most of the time of saving a register.
    for attended, pks in changed.items():
        if pks:
            Registration.objects.filter(pk__in=pks).update(attended=attended)
    return registrations, unmarked


def _training_records_update(event, present: list[int], unmarked: list[int]) -> None:
    """At a training session, present champions have attended its module; a champion marked
    present by mistake and then absent gets back the training record they had before."""
    if event.kind != EventKind.TRAINING or not event.training_module_id:
        return
    module_id = event.training_module_id
    if unmarked:
        training_records_unmark_attended(
            module_id=module_id, champion_ids=unmarked, event_id=event.pk
        )
    if present:
        training_records_mark_attended(module_id=module_id, champion_ids=present, event_id=event.pk)


def _walk_ins_update(event, new_walk_ins, removed_ids) -> int:
    if removed_ids:
        WalkIn.objects.filter(event=event, pk__in=removed_ids).delete()
    added = WalkIn.objects.bulk_create(
        [
            WalkIn(
                event=event, role=w.role, name=w.name.strip(), organisation=w.organisation.strip()
            )
            for w in new_walk_ins
        ]
    )
    return len(added)


def _event_update(event, *, families_reached, children_reached, by, now) -> None:
    event.families_reached = families_reached
    event.children_reached = children_reached
    event.attendance_taken_at = now
    event.attendance_taken_by = by
    update_fields = [
        "families_reached",
        "children_reached",
        "attendance_taken_at",
        "attendance_taken_by",
    ]
    if event.ends_at <= now:
        event.status = EventStatus.COMPLETED
        update_fields.append("status")
    event.save(update_fields=update_fields)


@transaction.atomic
def attendance_record(
    *,
    event: Event,
    marks: dict[int, bool | None],
    families_reached: int | None,
    children_reached: int | None,
    new_walk_ins: Iterable[WalkInData] = (),
    remove_walk_in_ids: Iterable[int] = (),
    by,
    now: datetime.datetime | None = None,
) -> dict:
    """Save an event's register in one go, in a constant number of queries.

    `marks` maps registration ids to present (True), absent (False) or not recorded (None).
    Present champions at a training session get the module's training record as "attended".
    """
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError("This event was cancelled: there is no attendance to take.")
    if not event.has_started(now):
        raise ValidationError("Attendance can be recorded once the event has started.")
    registrations, unmarked = _marks_save(event, marks)
    removed_ids = list(remove_walk_in_ids)
    added = _walk_ins_update(event, new_walk_ins, removed_ids)
    _event_update(
        event,
        families_reached=families_reached,
        children_reached=children_reached,
        by=by,
        now=now,
    )
    present = [r.champion_id for r in registrations if r.attended]
    _training_records_update(event, present, unmarked)
    summary = {
        "present": len(present),
        "absent": sum(1 for r in registrations if r.attended is False),
        "walk_ins_added": added,
        "walk_ins_removed": len(removed_ids),
        "families_reached": families_reached,
        "children_reached": children_reached,
    }
    log(instance=event, action=audit.RECORD_ATTENDANCE, user=by, data=summary)
    return summary
