"""Writes for consents: giving and withdrawing, each audited."""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from accounts.services.outbox import outbox_messages_withhold

from .. import audit
from ..choices import ConsentKind
from ..models import Champion, Consent
from ..signals import consent_withdrawn
from ..wording import consent_wording

# Consents that lapse after settings.CONSENT_VALIDITY_YEARS; contact consents do not.
LAPSING_CONSENTS = {ConsentKind.STORY, ConsentKind.PHOTO}


@transaction.atomic
def consent_give(
    *,
    champion: Champion,
    kind: str,
    wording_version: str = "",
    now: datetime | None = None,
    by=None,
) -> Consent:
    """Record a new consent; story and photo consent lapse after the configured period.

    The wording version defaults to that of the wording shown today (champions.wording).
    """
    now = now or timezone.now()
    wording_version = wording_version or consent_wording(kind).version
    expires_at = None
    if kind in LAPSING_CONSENTS:
        expires_at = now + relativedelta(years=settings.CONSENT_VALIDITY_YEARS)
    consent = Consent.objects.create(
        champion=champion,
        kind=kind,
        given_at=now,
        wording_version=wording_version,
        expires_at=expires_at,
    )
    log(
        instance=champion,
        action=audit.GIVE_CONSENT,
        user=by,
        data={"kind": kind, "wording_version": wording_version},
    )
    return consent


@transaction.atomic
def consent_withdraw(
    *, champion: Champion, kind: str, now: datetime | None = None, by=None
) -> bool:
    """Withdraw the current consent of this kind at once; returns False if none was current."""
    now = now or timezone.now()
    latest = (
        Consent.objects.select_for_update()
        .filter(champion=champion, kind=kind)
        .current(now)
        .first()
    )
    if latest is None:
        return False
    latest.withdrawn_at = now
    latest.save(update_fields=["withdrawn_at"])
    # Messages still queued are stopped now, not only when a worker checks them before sending.
    outbox_messages_withhold(
        user=champion.user,
        consent=kind,
        reason=f"No current consent: {ConsentKind(kind).label.lower()}.",
    )
    log(instance=champion, action=audit.WITHDRAW_CONSENT, user=by, data={"kind": kind})
    consent_withdrawn.send(sender=Consent, champion=champion, kind=kind)
    return True
