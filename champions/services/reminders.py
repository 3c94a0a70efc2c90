"""Renewal reminders: e-mail champions before a DBS renewal or a training expiry, once each."""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse

from accounts.site import absolute_url

from ..choices import CheckKind, CheckStatus, ReminderKind, Stage, TrainingStatus
from ..models import OnboardingCheck, RenewalReminder, TrainingRecord
from .notifications import email_champion

logger = logging.getLogger(__name__)


# A reminder goes out when an item is this many days (or fewer) from its due date.
REMINDER_THRESHOLDS = (30, 7)
# Champions at these stages have nothing to renew.
NO_REMINDER_STAGES = (Stage.ENQUIRY, Stage.ALUMNI)


def _threshold(days_left: int) -> int | None:
    """The smallest threshold the item has reached (7 before 30): one reminder per threshold."""
    reached = [t for t in REMINDER_THRESHOLDS if days_left <= t]
    return min(reached) if reached else None


def renewal_reminders_send(*, today: dt.date) -> int:
    """E-mail champions 30 and 7 days before a DBS renewal or a training expiry.

    Each item and threshold is sent once (RenewalReminder's unique constraint); a run that was
    missed catches up with the latest threshold only. Champions without current contact consent
    get nothing (and nothing is recorded, so a reminder can still go once they consent).
    Returns how many e-mails were sent.
    """
    horizon = today + dt.timedelta(days=max(REMINDER_THRESHOLDS))
    items = []
    checks = (
        OnboardingCheck.objects.select_related("champion__user")
        .filter(
            kind=CheckKind.DBS,
            status=CheckStatus.COMPLETE,
            renewal_due_on__gte=today,
            renewal_due_on__lte=horizon,
            champion__anonymised_at__isnull=True,
        )
        .exclude(champion__stage__in=NO_REMINDER_STAGES)
    )
    for check in checks:
        items.append((ReminderKind.DBS, check.pk, check.champion, check.renewal_due_on, "DBS"))
    records = (
        TrainingRecord.objects.select_related("champion__user", "module")
        .filter(
            Q(status=TrainingStatus.COMPLETED),
            expires_on__gte=today,
            expires_on__lte=horizon,
            champion__anonymised_at__isnull=True,
        )
        .exclude(champion__stage__in=NO_REMINDER_STAGES)
    )
    for record in records:
        items.append(
            (ReminderKind.TRAINING, record.pk, record.champion, record.expires_on, record.module)
        )
    sent = 0
    for kind, item_id, champion, due_on, what in items:
        days_before = _threshold((due_on - today).days)
        if days_before is None:
            continue
        if _reminder_send_once(
            kind=kind,
            item_id=item_id,
            champion=champion,
            due_on=due_on,
            days_before=days_before,
            what=what,
        ):
            sent += 1
    return sent


def _reminder_send_once(*, kind, item_id, champion, due_on, days_before, what) -> bool:
    try:
        with transaction.atomic():
            # Claim the reminder first: a concurrent run hits the unique constraint instead
            # of sending a second e-mail.
            RenewalReminder.objects.create(
                champion=champion,
                kind=kind,
                item_id=item_id,
                due_on=due_on,
                days_before=days_before,
            )
            if kind == ReminderKind.DBS:
                subject = f"Your DBS check needs renewing by {due_on:%-d %B %Y}"
            else:
                subject = f"Your “{what}” training expires on {due_on:%-d %B %Y}"
            sent = email_champion(
                champion=champion,
                subject=subject,
                template="champions/email/renewal_reminder.txt",
                context={
                    "kind": kind,
                    "what": what,
                    "due_on": due_on,
                    "days": days_before,
                    "dashboard_url": absolute_url(reverse("champions:dashboard")),
                },
            )
            if not sent:
                transaction.set_rollback(True)
            return sent
    except IntegrityError:
        return False
    except OSError:  # SMTP trouble: nothing recorded, so tomorrow's run tries again
        logger.exception("Renewal reminder to champion %s failed", champion.pk)
        return False
