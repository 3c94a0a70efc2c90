"""Renewal reminders: e-mail champions before a DBS renewal or a training expiry, once each."""

import datetime as dt

from django.db import transaction
from django.urls import reverse

from accounts.services.outbox import outbox_deliver_after_commit
from accounts.site import absolute_url

from ..choices import CheckKind, CheckStatus, ReminderKind, Stage, TrainingStatus
from ..models import OnboardingCheck, TrainingRecord
from .notifications import champion_emails_queue

# A reminder goes out when an item is this many days (or fewer) from its due date.
REMINDER_THRESHOLDS = (30, 7)
# Champions at these stages have nothing to renew.
NO_REMINDER_STAGES = (Stage.ENQUIRY, Stage.ALUMNI)


def _threshold(days_left: int) -> int | None:
    """The smallest threshold the item has reached (7 before 30): one reminder per threshold."""
    reached = [t for t in REMINDER_THRESHOLDS if days_left <= t]
    return min(reached) if reached else None


def _items_due(today: dt.date):
    """(kind, item id, champion, due date, what) for every DBS check and completion due soon."""
    horizon = today + dt.timedelta(days=max(REMINDER_THRESHOLDS))
    checks = (
        OnboardingCheck.objects.select_related("champion__user")
        .filter(
            kind=CheckKind.DBS,
            status=CheckStatus.COMPLETE,
            renewal_due_on__range=(today, horizon),
            champion__anonymised_at__isnull=True,
        )
        .exclude(champion__stage__in=NO_REMINDER_STAGES)
    )
    for check in checks:
        yield ReminderKind.DBS, check.pk, check.champion, check.renewal_due_on, "DBS"
    records = (
        TrainingRecord.objects.select_related("champion__user", "module")
        .filter(
            status=TrainingStatus.COMPLETED,
            expires_on__range=(today, horizon),
            champion__anonymised_at__isnull=True,
        )
        .exclude(champion__stage__in=NO_REMINDER_STAGES)
    )
    for record in records:
        yield ReminderKind.TRAINING, record.pk, record.champion, record.expires_on, record.module


@transaction.atomic
def renewal_reminders_send(*, today: dt.date) -> int:
    """E-mail champions 30 and 7 days before a DBS renewal or a training expiry.

    Each item and threshold is sent once (its outbox key); a run that was missed catches up
    with the latest threshold only. Champions without current contact consent get nothing
    (and nothing is recorded, so a reminder can still go once they consent).
    Returns how many e-mails were queued.
    """
    emails = []
    dashboard_url = absolute_url(reverse("champions:dashboard"))
    for kind, item_id, champion, due_on, what in _items_due(today):
        days_before = _threshold((due_on - today).days)
        if days_before is None:
            continue
        if kind == ReminderKind.DBS:
            subject = f"Your DBS check needs renewing by {due_on:%-d %B %Y}"
        else:
            subject = f"Your “{what}” training expires on {due_on:%-d %B %Y}"
        emails.append(
            {
                "champion": champion,
                "key": renewal_reminder_key(kind, item_id, due_on, days_before),
                "subject": subject,
                "template": "champions/email/renewal_reminder.txt",
                "context": {
                    "kind": kind,
                    "what": what,
                    "due_on": due_on,
                    "days": days_before,
                    "dashboard_url": dashboard_url,
                },
            }
        )
    # Every champion's consent in one query and the rows in a few, however many are due.
    queued = champion_emails_queue(emails)
    outbox_deliver_after_commit(queued)
    return len(queued)


def renewal_reminder_key(kind: str, item_id: int, due_on: dt.date, days_before: int) -> str:
    """One reminder per item, due date (a renewal has a new one) and threshold."""
    return f"champions.renewal.{kind}.{item_id}.{due_on.isoformat()}.{days_before}"
