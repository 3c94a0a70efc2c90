"""Anonymisation of a champion: on their request, or after the retention period once they left.

Anonymising keeps what the programme must still count (hours, attendance, amounts paid) and
removes everything that says who the person was.
"""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from accounts.redaction import REMOVED, Redactor
from accounts.services.outbox import outbox_messages_redact

from .. import audit
from ..choices import Stage
from ..models import Champion, Consent, GroupMessage
from ..selectors.history import champion_history_targets
from ..signals import champion_anonymising
from .consents import consent_withdraw
from .history import history_anonymise


@transaction.atomic
def champion_anonymise(*, champion: Champion, by=None, reason: str) -> Champion:
    """Remove everything that identifies this champion; idempotent.

    The order matters: higher apps let go first (events cancels bookings, cms deletes the
    stories and photos), then the name, e-mail address and phone number are replaced, so that
    nothing written from then on (consent withdrawals, the audit entry) names the person.
    """
    champion = Champion.objects.select_for_update().select_related("user").get(pk=champion.pk)
    if champion.anonymised_at is not None:
        return champion
    redactor = Redactor(champion_identifiers(champion))
    targets = champion_history_targets(champion)
    address = champion.user.email
    champion_anonymising.send(sender=Champion, champion=champion)
    _identity_remove(champion)
    for kind in Consent.objects.current_for(champion):
        consent_withdraw(champion=champion, kind=kind)
    _records_remove(champion)
    outbox_messages_redact(user=champion.user, address=address, redactor=redactor)
    label = champion.preferred_name  # "Former champion N": no ward, no id beside it
    history_anonymise(targets=targets, redactor=redactor, champion_label=label)
    log(
        instance=champion,
        action=audit.ANONYMISE,
        user=by,
        data={"reason": redactor.text(reason)},
    )
    return champion


def champion_identifiers(champion: Champion) -> list[str]:
    """What names the champion in free text: names, e-mail addresses, phone number."""
    user = champion.user
    emails = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    names = [champion.preferred_name, user.first_name, user.last_name]
    full = f"{user.first_name} {user.last_name}".strip()
    return [*names, full, user.email, *emails, champion.phone]


def _identity_remove(champion: Champion) -> None:
    champion.preferred_name = f"Former champion {champion.pk}"
    champion.phone = champion.languages = champion.heard_about = ""
    champion.staff_notes = champion.attention_needed = champion.next_step = ""
    if champion.stage != Stage.ALUMNI:
        champion.stage = Stage.ALUMNI
        champion.left_on = champion.left_on or timezone.localdate()
    champion.anonymised_at = timezone.now()
    champion.save()
    user = champion.user
    GroupMessage.chosen.through.objects.filter(champion=champion).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.email = f"former-champion-{champion.pk}@invalid.example"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def _records_remove(champion: Champion) -> None:
    """Free text goes; dates, hours, amounts and outcomes stay for the programme's figures."""
    champion.stage_changes.update(reason="")
    champion.supervision_notes.all().delete()
    champion.goals.all().delete()
    champion.commendations.all().delete()
    champion.checks.update(certificate_last4="", notes="")
    champion.activity_logs.update(description=REMOVED, champion_reply="", staff_message="")
    for claim in champion.expense_claims.exclude(receipt=""):
        claim.receipt.delete(save=False)
    champion.expense_claims.update(description=REMOVED, receipt="", staff_message="")


def leavers_anonymise(*, today: datetime.date | None = None) -> int:
    """Anonymise alumni who left more than LEAVER_RETENTION_DAYS ago; returns how many."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.LEAVER_RETENTION_DAYS)
    leavers = Champion.objects.filter(
        stage=Stage.ALUMNI, left_on__lt=cutoff, anonymised_at__isnull=True
    )
    count = 0
    for champion in leavers:
        champion_anonymise(champion=champion, reason="Retention period after leaving ended")
        count += 1
    return count
