"""Writes for accounts: unconfirmed sign-ups purged, the Sites framework's name."""

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.models import Site
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


def sites_site_sync(*, site_model=None, domain: str | None = None):
    """Name the Sites framework's site after settings, so allauth's e-mails name this site.

    Name: WAGTAIL_SITE_NAME; domain: `domain` (the demo passes the Wagtail Site's host and port),
    else the host of WAGTAILADMIN_BASE_URL. Data migrations pass their historical Site model.
    Returns the site.
    """
    site_model = site_model or Site
    site, _ = site_model.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={
            "name": settings.WAGTAIL_SITE_NAME,
            "domain": domain or urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or "localhost",
        },
    )
    return site
