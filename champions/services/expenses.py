"""Rules for expense claims: what champions claim, what staff decide, and payment.

Shared with activity logs (services/reviews.py): open until reviewed, audited decisions,
decision e-mails. Only here: a receipt file (replaced or deleted with the claim), no questions
(a claim is approved or not), and approved claims are then marked paid.
"""

import datetime
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import NotRequired, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import log as audit_log

from accounts.models import User
from accounts.site import absolute_url

from .. import audit
from ..choices import ExpenseStatus
from ..models import ActivityLog, Champion, ExpenseClaim
from ..selectors.welcome import champion_not_logging_reason
from ..validators import validate_not_in_future
from . import reviews
from .submissions import entry_already_submitted

DECISION_EMAILS = {
    ExpenseStatus.REJECTED: (
        "Your expense claim was not approved",
        "champions/activity/email/expense_rejected.txt",
    ),
    ExpenseStatus.PAID: (
        "Your expense claim has been paid",
        "champions/activity/email/expense_paid.txt",
    ),
}


def _delete_file_after_commit(storage, name: str) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


class ExpenseFields(TypedDict):
    """What a champion (or staff) enters for an expense claim, besides the receipt."""

    date: datetime.date
    category: str
    amount: Decimal
    description: str
    activity: NotRequired[ActivityLog | None]
    declared_without_receipt: NotRequired[bool]


def _save(claim: ExpenseClaim, receipt, fields: ExpenseFields) -> ExpenseClaim:
    for name, value in fields.items():
        setattr(claim, name, value)
    if receipt:
        claim.receipt = receipt
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def expense_claim_submit(
    *,
    champion: Champion,
    receipt=None,
    entered_by: User | None = None,
    submission_key: uuid.UUID | None = None,
    **fields: Unpack[ExpenseFields],
) -> ExpenseClaim:
    """Record a claim, waiting for review; sent again with the same key, the one recorded."""
    sent = entry_already_submitted(
        ExpenseClaim.objects, champion=champion, submission_key=submission_key
    )
    if sent is not None:
        return sent
    if reason := champion_not_logging_reason(champion):
        raise ValidationError(reason)
    claim = ExpenseClaim(champion=champion, submission_key=submission_key)
    return _save(claim, receipt, fields)


@transaction.atomic
def expense_claim_update(
    *, claim: ExpenseClaim, changed_by: User, receipt=None, **fields: Unpack[ExpenseFields]
) -> ExpenseClaim:
    """A champion changes a claim not yet reviewed; a new receipt replaces the old file."""
    claim = reviews.entry_lock_open(claim)
    old_receipt = claim.receipt.name if receipt and claim.receipt else ""
    _save(claim, receipt, fields)
    _delete_file_after_commit(claim.receipt.storage, old_receipt)
    return claim


@transaction.atomic
def expense_claim_withdraw(*, claim: ExpenseClaim) -> None:
    """A champion takes back a claim not yet reviewed; it and its receipt are deleted."""
    claim = reviews.entry_lock_open(claim)
    receipt, storage = claim.receipt.name, claim.receipt.storage
    claim.delete()
    _delete_file_after_commit(storage, receipt)


@transaction.atomic
def expense_claims_approve(*, claims: Iterable[ExpenseClaim], by: User) -> int:
    """Approve claims waiting for review; returns how many were approved."""
    return reviews.entries_approve(
        ExpenseClaim,
        entries=claims,
        by=by,
        from_statuses=[ExpenseStatus.SUBMITTED],
        status=ExpenseStatus.APPROVED,
        action=audit.APPROVE_EXPENSE,
        data_for=lambda claim: {"amount": str(claim.amount)},
    )


@transaction.atomic
def expense_claim_reject(*, claim: ExpenseClaim, by: User, reason: str) -> ExpenseClaim:
    """Turn a claim down with a reason. The champion is e-mailed."""
    claim = reviews.entry_lock_for_decision(claim, reason)
    reviews.entry_decide(
        claim,
        by=by,
        status=ExpenseStatus.REJECTED,
        action=audit.REJECT_EXPENSE,
        message=reason.strip(),
    )
    _email_decision(claim)
    return claim


@transaction.atomic
def expense_claims_mark_paid(
    *, claims: Iterable[ExpenseClaim], by: User, paid_on: datetime.date, reference: str
) -> int:
    """Record payment of approved claims; returns how many were marked paid."""
    errors = {}
    try:
        validate_not_in_future(paid_on, what="The payment date")
    except ValidationError as error:
        errors["paid_on"] = error.messages
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
        claim.save()
        audit_log(
            instance=claim,
            action=audit.PAY_EXPENSE,
            user=by,
            data={
                "amount": str(claim.amount),
                "paid_on": paid_on.isoformat(),
                "reference": claim.payment_reference,
            },
        )
        _email_decision(claim)
        paid += 1
    return paid


def _email_decision(claim: ExpenseClaim) -> None:
    reviews.entry_email_decision(
        claim,
        emails=DECISION_EMAILS,
        context_name="claim",
        url=absolute_url(reverse("activity:expenses")),
    )
