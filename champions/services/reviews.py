"""What activity logs and expense claims share: a champion's entry that staff review.

The same for both: a champion may change or withdraw an entry until staff review it; staff
approve many at once, or decide one with a message the champion sees; every decision is written
to Wagtail's audit log; the decisions a champion must hear about are e-mailed once.

Where they differ (activity.py, expenses.py): only an activity log may be queried (and is
answered by editing it); a queried log may still be approved, a claim only while submitted;
claims carry a receipt file and are then marked paid.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log as audit_log

from accounts.models import User

from .notifications import email_champion

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
    entry.decision_notified_at = None
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


def notify_after_commit(task, pk: int) -> None:
    """Send the decision e-mail from a worker once the decision is committed."""
    transaction.on_commit(lambda: task.delay(pk))


@transaction.atomic
def entry_notify_decision(model, *, pk: int, emails: dict, context_name: str, url: str) -> bool:
    """E-mail the champion the entry's decision once, if it is one they must hear about.

    `emails` maps a status to (subject, template). Returns whether an e-mail was sent.
    """
    entry = model.objects.select_for_update().select_related("champion__user").filter(pk=pk).first()
    if entry is None or entry.decision_notified_at is not None or entry.status not in emails:
        return False
    subject, template = emails[entry.status]
    sent = email_champion(
        champion=entry.champion,
        subject=subject,
        template=template,
        context={context_name: entry, "url": url},
    )
    # Recorded even without consent: the decision is settled and must not be sent later.
    entry.decision_notified_at = timezone.now()
    entry.save(update_fields=["decision_notified_at"])
    return sent
