"""Rules for activity logs and expense claims: what champions submit and what staff decide.

Champions may change or withdraw an entry until staff review it. Every staff decision is written
to Wagtail's audit log, and the decisions a champion must hear about (a question, a refusal, a
payment) are e-mailed to them after the transaction commits.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log as audit_log

from accounts.models import User

from .choices import ActivityStatus, ExpenseStatus
from .models import ActivityFactor, ActivityLog, Champion, ExpenseClaim
from .notifications import email_champion

CHAMPION_DATE_WINDOW_DAYS = 90

OLD_DATE = "You can log activities from the last 90 days. For anything older, ask your coordinator."
NOT_BOOKED = "Choose an event you were booked on."
REVIEWED = "This has been reviewed, so it can no longer be changed."
ANSWER_NEEDED = "Answer the question from staff before you send this back."
MESSAGE_NEEDED = "Write a message for the champion."


def _by_staff(user: User | None) -> bool:
    return bool(user and user.is_staff)


def _lock_champion(champion: Champion) -> None:
    # Serialises one champion's writes, so two entries at once cannot both pass the daily limit.
    Champion.objects.select_for_update().filter(pk=champion.pk).first()


def _check_activity_rules(*, champion, date, event, by_staff: bool, before=None) -> None:
    """The rules for champions' own entries; on an edit, only what changed is checked again."""
    errors = {}
    date_changed = before is None or date != before.date
    event_changed = before is None or event != before.event
    oldest = timezone.localdate() - datetime.timedelta(days=CHAMPION_DATE_WINDOW_DAYS)
    if not by_staff and date_changed and date < oldest:
        errors["date"] = OLD_DATE
    if event is not None and not by_staff and event_changed:
        from events.choices import RegistrationStatus

        if not event.registrations.filter(
            champion=champion, status=RegistrationStatus.BOOKED
        ).exists():
            errors["event"] = NOT_BOOKED
    if errors:
        raise ValidationError(errors)


def activity_factors_set(*, log: ActivityLog, factors: Iterable[str]) -> None:
    """Replace the protective factors an activity touched."""
    wanted = set(factors)
    log.factors.exclude(factor__in=wanted).delete()
    have = set(log.factors.values_list("factor", flat=True))
    ActivityFactor.objects.bulk_create(
        [ActivityFactor(activity=log, factor=f) for f in sorted(wanted - have)]
    )


@transaction.atomic
def activity_log_submit(
    *,
    champion: Champion,
    date: datetime.date,
    kind: str,
    hours: Decimal,
    description: str,
    protective_factors: Iterable[str] = (),
    people_reached: int | None = None,
    event=None,
    entered_by: User | None = None,
) -> ActivityLog:
    """Record an activity, waiting for review. Staff may enter dates older than 90 days."""
    _check_activity_rules(champion=champion, date=date, event=event, by_staff=_by_staff(entered_by))
    _lock_champion(champion)
    log = ActivityLog(
        champion=champion,
        date=date,
        kind=kind,
        hours=hours,
        description=description,
        people_reached=people_reached,
        event=event,
    )
    log.full_clean()
    log.save()
    activity_factors_set(log=log, factors=protective_factors)
    return log


@transaction.atomic
def activity_log_update(
    *,
    log: ActivityLog,
    changed_by: User,
    date: datetime.date,
    kind: str,
    hours: Decimal,
    description: str,
    protective_factors: Iterable[str] = (),
    people_reached: int | None = None,
    event=None,
    champion_reply: str = "",
) -> ActivityLog:
    """A champion changes an entry not yet reviewed; answering a query sends it back for review."""
    log = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if not log.is_open:
        raise ValidationError(REVIEWED)
    if log.status == ActivityStatus.QUERIED and not champion_reply.strip():
        raise ValidationError({"champion_reply": ANSWER_NEEDED})
    _check_activity_rules(
        champion=log.champion, date=date, event=event, by_staff=_by_staff(changed_by), before=log
    )
    _lock_champion(log.champion)
    log.date, log.kind, log.hours = date, kind, hours
    log.description, log.people_reached, log.event = description, people_reached, event
    if log.status == ActivityStatus.QUERIED:
        log.champion_reply = champion_reply.strip()
        log.status = ActivityStatus.SUBMITTED
    log.full_clean()
    log.save()
    activity_factors_set(log=log, factors=protective_factors)
    return log


@transaction.atomic
def activity_log_withdraw(*, log: ActivityLog) -> None:
    """A champion takes back an entry not yet reviewed; it is deleted."""
    log = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if not log.is_open:
        raise ValidationError(REVIEWED)
    log.delete()


def _decide(obj, *, by: User, status: str, action: str, message: str = "", data=None) -> None:
    obj.status = status
    obj.staff_message = message
    obj.reviewed_by = by
    obj.reviewed_at = timezone.now()
    obj.decision_notified_at = None
    obj.save()
    audit_log(
        instance=obj,
        action=action,
        user=by,
        data={"status": status, "message": message, **(data or {})},
    )


@transaction.atomic
def activity_logs_approve(*, logs: Iterable[ActivityLog], by: User) -> int:
    """Approve entries waiting for review (or queried); returns how many were approved."""
    ids = [log.pk for log in logs]
    approved = 0
    for log in ActivityLog.objects.select_for_update().filter(
        pk__in=ids, status__in=[ActivityStatus.SUBMITTED, ActivityStatus.QUERIED]
    ):
        _decide(
            log,
            by=by,
            status=ActivityStatus.APPROVED,
            action="champions.activity.approve",
            data={"hours": str(log.hours)},
        )
        approved += 1
    return approved


def _reviewable_log(log: ActivityLog, message: str) -> ActivityLog:
    if not message.strip():
        raise ValidationError({"message": MESSAGE_NEEDED})
    log = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if not log.is_open:
        raise ValidationError(REVIEWED)
    return log


@transaction.atomic
def activity_log_query(*, log: ActivityLog, by: User, question: str) -> ActivityLog:
    """Ask the champion a question; they answer by editing the entry. They are e-mailed."""
    log = _reviewable_log(log, question)
    _decide(
        log,
        by=by,
        status=ActivityStatus.QUERIED,
        action="champions.activity.query",
        message=question.strip(),
    )
    _notify_after_commit("activity", log.pk)
    return log


@transaction.atomic
def activity_log_reject(*, log: ActivityLog, by: User, reason: str) -> ActivityLog:
    """Turn an entry down with a reason; its hours do not count. The champion is e-mailed."""
    log = _reviewable_log(log, reason)
    _decide(
        log,
        by=by,
        status=ActivityStatus.REJECTED,
        action="champions.activity.reject",
        message=reason.strip(),
    )
    _notify_after_commit("activity", log.pk)
    return log


def _notify_after_commit(what: str, pk: int) -> None:
    from . import activity_tasks

    task = (
        activity_tasks.notify_activity_decision
        if what == "activity"
        else activity_tasks.notify_expense_decision
    )
    transaction.on_commit(lambda: task.delay(pk))


def _site_url(name: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name)


@transaction.atomic
def activity_log_notify_decision(*, log_id: int) -> bool:
    """E-mail the champion a question or refusal once; returns whether an e-mail was sent."""
    log = (
        ActivityLog.objects.select_for_update()
        .select_related("champion__user")
        .filter(pk=log_id)
        .first()
    )
    if (
        log is None
        or log.decision_notified_at is not None
        or log.status not in (ActivityStatus.QUERIED, ActivityStatus.REJECTED)
    ):
        return False
    queried = log.status == ActivityStatus.QUERIED
    sent = email_champion(
        champion=log.champion,
        subject=(
            "A question about your activity log"
            if queried
            else "Your activity log was not approved"
        ),
        template=(
            "champions/activity/email/activity_queried.txt"
            if queried
            else "champions/activity/email/activity_rejected.txt"
        ),
        context={"log": log, "url": _site_url("activity:list")},
    )
    # Recorded even without consent: the decision is settled and must not be sent later.
    log.decision_notified_at = timezone.now()
    log.save(update_fields=["decision_notified_at"])
    return sent


# Expense claims
# ------------------------------------------------------------------------------


@transaction.atomic
def expense_claim_submit(
    *,
    champion: Champion,
    date: datetime.date,
    category: str,
    amount: Decimal,
    description: str,
    receipt=None,
    activity: ActivityLog | None = None,
    entered_by: User | None = None,
) -> ExpenseClaim:
    """Record a claim, waiting for review."""
    claim = ExpenseClaim(
        champion=champion,
        date=date,
        category=category,
        amount=amount,
        description=description,
        activity=activity,
    )
    if receipt:
        claim.receipt = receipt
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def expense_claim_update(
    *,
    claim: ExpenseClaim,
    changed_by: User,
    date: datetime.date,
    category: str,
    amount: Decimal,
    description: str,
    receipt=None,
    activity: ActivityLog | None = None,
) -> ExpenseClaim:
    """A champion changes a claim not yet reviewed; a new receipt replaces the old file."""
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    if not claim.is_open:
        raise ValidationError(REVIEWED)
    old_receipt = claim.receipt.name if receipt and claim.receipt else ""
    claim.date, claim.category, claim.amount = date, category, amount
    claim.description, claim.activity = description, activity
    if receipt:
        claim.receipt = receipt
    claim.full_clean()
    claim.save()
    if old_receipt:
        storage = claim.receipt.storage
        transaction.on_commit(lambda: storage.delete(old_receipt))
    return claim


@transaction.atomic
def expense_claim_withdraw(*, claim: ExpenseClaim) -> None:
    """A champion takes back a claim not yet reviewed; it and its receipt are deleted."""
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    if not claim.is_open:
        raise ValidationError(REVIEWED)
    receipt = claim.receipt.name
    storage = claim.receipt.storage
    claim.delete()
    if receipt:
        transaction.on_commit(lambda: storage.delete(receipt))


@transaction.atomic
def expense_claims_approve(*, claims: Iterable[ExpenseClaim], by: User) -> int:
    """Approve claims waiting for review; returns how many were approved."""
    approved = 0
    for claim in ExpenseClaim.objects.select_for_update().filter(
        pk__in=[c.pk for c in claims], status=ExpenseStatus.SUBMITTED
    ):
        _decide(
            claim,
            by=by,
            status=ExpenseStatus.APPROVED,
            action="champions.expense.approve",
            data={"amount": str(claim.amount)},
        )
        approved += 1
    return approved


@transaction.atomic
def expense_claim_reject(*, claim: ExpenseClaim, by: User, reason: str) -> ExpenseClaim:
    """Turn a claim down with a reason. The champion is e-mailed."""
    if not reason.strip():
        raise ValidationError({"message": MESSAGE_NEEDED})
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    if not claim.is_open:
        raise ValidationError(REVIEWED)
    _decide(
        claim,
        by=by,
        status=ExpenseStatus.REJECTED,
        action="champions.expense.reject",
        message=reason.strip(),
    )
    _notify_after_commit("expense", claim.pk)
    return claim


@transaction.atomic
def expense_claims_mark_paid(
    *, claims: Iterable[ExpenseClaim], by: User, paid_on: datetime.date, reference: str
) -> int:
    """Record payment of approved claims; returns how many were marked paid."""
    errors = {}
    if paid_on > timezone.localdate():
        errors["paid_on"] = "The payment date cannot be in the future."
    if not reference.strip():
        errors["reference"] = "Enter the payment reference."
    if errors:
        raise ValidationError(errors)
    paid = 0
    for claim in ExpenseClaim.objects.select_for_update().filter(
        pk__in=[c.pk for c in claims], status=ExpenseStatus.APPROVED
    ):
        claim.status = ExpenseStatus.PAID
        claim.paid_on = paid_on
        claim.payment_reference = reference.strip()
        claim.decision_notified_at = None
        claim.save()
        audit_log(
            instance=claim,
            action="champions.expense.paid",
            user=by,
            data={
                "amount": str(claim.amount),
                "paid_on": paid_on.isoformat(),
                "reference": claim.payment_reference,
            },
        )
        _notify_after_commit("expense", claim.pk)
        paid += 1
    return paid


@transaction.atomic
def expense_claim_notify_decision(*, claim_id: int) -> bool:
    """E-mail the champion a refusal or a payment once; returns whether an e-mail was sent."""
    claim = (
        ExpenseClaim.objects.select_for_update()
        .select_related("champion__user")
        .filter(pk=claim_id)
        .first()
    )
    if (
        claim is None
        or claim.decision_notified_at is not None
        or claim.status not in (ExpenseStatus.REJECTED, ExpenseStatus.PAID)
    ):
        return False
    paid = claim.status == ExpenseStatus.PAID
    sent = email_champion(
        champion=claim.champion,
        subject="Your expense claim has been paid"
        if paid
        else "Your expense claim was not approved",
        template=(
            "champions/activity/email/expense_paid.txt"
            if paid
            else "champions/activity/email/expense_rejected.txt"
        ),
        context={"claim": claim, "url": _site_url("activity:expenses")},
    )
    claim.decision_notified_at = timezone.now()
    claim.save(update_fields=["decision_notified_at"])
    return sent
