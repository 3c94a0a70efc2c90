"""Writes for champions: every rule that changes a champion's record lives here."""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .choices import ConsentKind, Stage, TrainingStatus
from .models import Champion, Consent, StageChange, TrainingModule, TrainingRecord
from .readiness import readiness_gaps
from .selectors import champions_with_progress, required_modules

# Consents that lapse after settings.CONSENT_VALIDITY_YEARS; contact consents do not.
LAPSING_CONSENTS = {ConsentKind.STORY, ConsentKind.PHOTO}


@transaction.atomic
def champion_register(*, user, preferred_name: str) -> Champion:
    """Create the champion profile for a new sign-up, at the "enquiry" stage."""
    champion, created = Champion.objects.get_or_create(
        user=user, defaults={"preferred_name": preferred_name.strip()}
    )
    if created:
        StageChange.objects.create(
            champion=champion, from_stage="", to_stage=Stage.ENQUIRY, reason="Signed up"
        )
    return champion


class NotReady(ValidationError):
    """Raised when a champion may not become active; `gaps` lists what is missing."""

    def __init__(self, gaps):
        self.gaps = gaps
        super().__init__(["Not ready to become active:", *gaps])


@transaction.atomic
def champion_change_stage(
    *, champion: Champion, to_stage: str, by, reason: str = "", override: bool = False
) -> StageChange:
    """Move a champion along the journey, recording who, when and why.

    Becoming active needs every check and required module in date; a user with the
    `override_readiness` permission may override that with a reason, which is recorded.
    """
    champion = Champion.objects.select_for_update().get(pk=champion.pk)
    if to_stage not in Stage.values:
        raise ValidationError(f"Unknown stage “{to_stage}”.")
    if to_stage == champion.stage:
        raise ValidationError(f"{champion} is already at stage “{champion.get_stage_display()}”.")
    overridden = False
    if to_stage == Stage.ACTIVE:
        loaded = champions_with_progress().get(pk=champion.pk)
        gaps = readiness_gaps(loaded, required_modules(), timezone.localdate())
        if gaps:
            if not override:
                raise NotReady(gaps)
            if not by.has_perm("champions.override_readiness"):
                raise PermissionDenied("You may not override the readiness rule.")
            if not reason.strip():
                raise ValidationError("Give a reason for making this champion active anyway.")
            overridden = True
    change = StageChange.objects.create(
        champion=champion,
        from_stage=champion.stage,
        to_stage=to_stage,
        changed_by=by,
        reason=reason.strip(),
        overridden=overridden,
    )
    champion.stage = to_stage
    if to_stage == Stage.ACTIVE:
        champion.attention_needed = ""
    if to_stage == Stage.ALUMNI and champion.left_on is None:
        champion.left_on = timezone.localdate()
    champion.save(update_fields=["stage", "attention_needed", "left_on"])
    log(
        instance=champion,
        action="champions.stage_change",
        user=by,
        data={
            "from": change.from_stage,
            "to": to_stage,
            "reason": change.reason,
            "overridden": overridden,
        },
    )
    return change


@transaction.atomic
def consent_give(
    *, champion: Champion, kind: str, wording_version: str, now: datetime | None = None
) -> Consent:
    """Record a new consent; story and photo consent lapse after the configured period."""
    now = now or timezone.now()
    expires_at = None
    if kind in LAPSING_CONSENTS:
        expires_at = now + relativedelta(years=settings.CONSENT_VALIDITY_YEARS)
    return Consent.objects.create(
        champion=champion,
        kind=kind,
        given_at=now,
        wording_version=wording_version,
        expires_at=expires_at,
    )


@transaction.atomic
def consent_withdraw(*, champion: Champion, kind: str, now: datetime | None = None) -> bool:
    """Withdraw the current consent of this kind at once; returns False if none was current."""
    now = now or timezone.now()
    latest = (
        Consent.objects.select_for_update()
        .filter(champion=champion, kind=kind)
        .order_by("-given_at", "-pk")
        .first()
    )
    if latest is None or not latest.is_current(now):
        return False
    latest.withdrawn_at = now
    latest.save(update_fields=["withdrawn_at"])
    from .signals import consent_withdrawn

    consent_withdrawn.send(sender=Consent, champion=champion, kind=kind)
    return True


@transaction.atomic
def training_record_complete(
    *, champion: Champion, module: TrainingModule, completed_on, verified_by
) -> TrainingRecord:
    """Record (or renew) a completion; its expiry follows from the module's validity."""
    record, _ = TrainingRecord.objects.select_for_update().get_or_create(
        champion=champion, module=module
    )
    record.status = TrainingStatus.COMPLETED
    record.completed_on = completed_on
    record.verified_by = verified_by
    record.save()
    return record
