"""What activity logs and expense claims share: a champion's entry that staff review.

The same for both: a champion may change or withdraw an entry until staff review it; staff
approve many at once, or decide one with a message the champion sees; every decision is
written to Wagtail's audit log; the decisions a champion must hear about are e-mailed once
(through the outbox).

Where they differ (activity.py, expenses.py): only an activity log may be queried (and is
answered by editing it); a queried log may still be approved, a claim only while submitted;
claims carry a receipt file and are then marked paid.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.log_actions import log as audit_log

from accounts.models import User

from .notifications import champion_email_queue

REVIEWED = "This has been reviewed, so it can no longer be changed."
MESSAGE_NEEDED = "Write a message for the champion."


def by_staff(user: User | None) -> bool:
    """Staff enter and change entries without the limits on champions' own entries."""
    return bool(user and user.is_staff)


def entry_lock_open(entry: models.Model) -> models.Model:
    """The entry, locked for the rest of the transaction; refused once it has been reviewed."""
    entry = type(entry).objects.select_for_update().get(pk=entry.pk)
    if not entry.is_open:
        raise ValidationError(REVIEWED)
    return entry


def entry_lock_for_decision(entry: models.Model, message: str) -> models.Model:
    """As entry_lock_open, for a decision that needs a message to the champion."""
    if not message.strip():
        raise ValidationError({"message": MESSAGE_NEEDED})
    return entry_lock_open(entry)


def entry_decide(
    entry, *, by: User, status: str, action: str, message: str = "", data=None
) -> None:
    """Record a staff decision on the entry and write it to the audit log."""
    entry.status = status
    entry.staff_message = message
    entry.reviewed_by = by
    entry.reviewed_at = timezone.now()
    entry.save()
    audit_log(
        instance=entry,
        action=action,
        user=by,
        data={"status": status, "message": message, **(data or {})},
    )


def entries_approve(
    model: type[models.Model],
    *,
    entries: Iterable[models.Model],
    by: User,
    from_statuses: Iterable[str],
    status: str,
    action: str,
    data_for,
) -> int:
    """Approve the entries still waiting for a decision; returns how many were approved."""
    approved = 0
    for entry in model.objects.select_for_update().filter(
        pk__in=[e.pk for e in entries], status__in=list(from_statuses)
    ):
        entry_decide(entry, by=by, status=status, action=action, data=data_for(entry))
        approved += 1
    return approved


def entry_email_decision(entry, *, emails: dict, context_name: str, url: str) -> None:
    """E-mail the champion the decision just recorded, once, if it is one they must hear about.

    `emails` maps a status to (subject, template). The outbox key names the entry, the
    decision and when it was made, so a later decision on the same entry is a new e-mail.
    """
    if entry.status not in emails:
        return
    subject, template = emails[entry.status]
    champion_email_queue(
        champion=entry.champion,
        key=decision_key(entry),
        subject=subject,
        template=template,
        context={context_name: entry, "url": url},
    )


def decision_key(entry) -> str:
    """e.g. "champions.activitylog.12.queried.2026-03-18T12:00:00+00:00"."""
    return (
        f"champions.{entry._meta.model_name}.{entry.pk}.{entry.status}."
        f"{entry.reviewed_at.isoformat()}"
    )
