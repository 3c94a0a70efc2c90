"""Sign-ups that were never confirmed are deleted after the retention period."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..models import User


@transaction.atomic
def unverified_accounts_purge(*, now=None) -> int:
    """Delete sign-ups whose e-mail was never confirmed within the retention period.

    Staff accounts are never touched. Returns how many accounts were deleted; a second run
    finds nothing left to delete.
    """
    cutoff = (now or timezone.now()) - settings.UNVERIFIED_ACCOUNT_RETENTION
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    stale = User.objects.filter(date_joined__lt=cutoff, is_staff=False, is_superuser=False).filter(
        ~Exists(verified)
    )
    ids = list(stale.values_list("pk", flat=True))
    User.objects.filter(pk__in=ids).delete()
    return len(ids)
