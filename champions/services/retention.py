"""Retention rules for champions' records (the list of every rule is champions/retention.py).

Each keeps what the programme must still count and drops the personal detail once its time is
up; each is idempotent, so a nightly job may run it twice.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..choices import CheckKind
from ..models import ExpenseClaim, OnboardingCheck


def dbs_certificate_numbers_drop(*, today: datetime.date | None = None) -> int:
    """Blank the certificate number of DBS checks done more than the retention period ago.

    The date of the check and its outcome stay (the DBS code of practice asks for no more).
    """
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.RETENTION["DBS_CERTIFICATE_DAYS"])
    return (
        OnboardingCheck.objects.filter(kind=CheckKind.DBS, completed_on__lt=cutoff)
        .exclude(certificate_last4="")
        .update(certificate_last4="")
    )


@transaction.atomic
def receipts_delete_old(*, today: datetime.date | None = None) -> int:
    """Delete receipt files of expenses older than the finance period; amounts stay."""
    today = today or timezone.localdate()
    cutoff = today - relativedelta(years=settings.RETENTION["RECEIPT_YEARS"])
    claims = list(ExpenseClaim.objects.filter(date__lt=cutoff).exclude(receipt=""))
    names = [(claim.receipt.storage, claim.receipt.name) for claim in claims]
    ExpenseClaim.objects.filter(pk__in=[claim.pk for claim in claims]).update(receipt="")
    # Files go once the rows no longer point at them.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])
    return len(claims)
