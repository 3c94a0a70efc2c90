"""Writes for champions: every rule that changes a champion's record lives here."""

import datetime as dt
import logging
from collections.abc import Iterable
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from .choices import CheckKind, CheckStatus, ConsentKind, ReminderKind, Stage, TrainingStatus
from .models import (
    Champion,
    Consent,
    OnboardingCheck,
    RenewalReminder,
    StageChange,
    TrainingModule,
    TrainingRecord,
)
from .readiness import readiness_gaps
from .selectors import champions_with_progress, required_modules

logger = logging.getLogger(__name__)

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
    *,
    champion: Champion,
    kind: str,
    wording_version: str,
    now: datetime | None = None,
    by=None,
) -> Consent:
    """Record a new consent; story and photo consent lapse after the configured period."""
    now = now or timezone.now()
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
        action="champions.consent_give",
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
        .order_by("-given_at", "-pk")
        .first()
    )
    if latest is None or not latest.is_current(now):
        return False
    latest.withdrawn_at = now
    latest.save(update_fields=["withdrawn_at"])
    log(instance=champion, action="champions.consent_withdraw", user=by, data={"kind": kind})
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
    log(
        instance=champion,
        action="champions.training_complete",
        user=verified_by,
        data={
            "module": module.title,
            "completed_on": completed_on.isoformat(),
            "expires_on": record.expires_on.isoformat() if record.expires_on else None,
        },
    )
    return record


PROFILE_FIELDS = ("preferred_name", "area", "phone", "languages", "heard_about")


@transaction.atomic
def champion_profile_update(*, champion: Champion, by, **changes) -> Champion:
    """Update the fields a champion may edit about themselves; the change is audited."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    changed = {}
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        if getattr(champion, name) != value:
            changed[name] = str(value) if value is not None else ""
            setattr(champion, name, value)
    if changed:
        champion.full_clean()
        champion.save(update_fields=list(changed))
        log(
            instance=champion,
            action="champions.profile_edit",
            user=by,
            data={"fields": sorted(changed)},
        )
    return champion


def mask_certificate_number(number: str) -> str:
    """The last four characters of a DBS certificate number: all that is ever stored."""
    cleaned = "".join(number.split())
    if not cleaned.isdigit() or len(cleaned) != 12:
        raise ValidationError("A DBS certificate number is 12 digits.")
    return cleaned[-4:]


@transaction.atomic
def training_completions_record(
    *,
    module: TrainingModule,
    completed_on: dt.date,
    champions: Iterable[Champion],
    verified_by,
) -> list[TrainingRecord]:
    """Record the same module and date for many champions at once (e.g. after a session)."""
    if completed_on > timezone.localdate():
        raise ValidationError("The completion date cannot be in the future.")
    return [
        training_record_complete(
            champion=champion, module=module, completed_on=completed_on, verified_by=verified_by
        )
        for champion in champions
    ]


@transaction.atomic
def training_records_expire(*, today: dt.date) -> int:
    """Mark completions past their expiry date as expired; returns how many changed."""
    lapsed = list(
        TrainingRecord.objects.select_for_update()
        .select_related("champion", "module")
        .filter(status=TrainingStatus.COMPLETED, expires_on__lt=today)
    )
    for record in lapsed:
        log(
            instance=record.champion,
            action="champions.training_expire",
            data={"module": record.module.title, "expired_on": record.expires_on.isoformat()},
        )
    TrainingRecord.objects.filter(pk__in=[r.pk for r in lapsed]).update(
        status=TrainingStatus.EXPIRED
    )
    return len(lapsed)


@transaction.atomic
def champions_flag_lapsed(*, today: dt.date) -> int:
    """Flag active champions whose DBS or required training has lapsed, for staff to act on.

    They are not demoted: a coordinator decides. A flag clears itself once everything is back in
    date. Returns how many champions' flags changed.
    """
    modules = required_modules()
    changed = 0
    for champion in champions_with_progress(Champion.objects.filter(stage=Stage.ACTIVE)):
        # The same rule as for activation: anything it lists has lapsed since they became active.
        gaps = readiness_gaps(champion, modules, today)
        attention = "\n".join(gaps)
        if attention != champion.attention_needed:
            champion.attention_needed = attention
            champion.save(update_fields=["attention_needed"])
            log(
                instance=champion,
                action="champions.attention_flag",
                data={"attention_needed": gaps},
            )
            changed += 1
    return changed


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
    from .notifications import email_champion

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
                    "dashboard_url": settings.WAGTAILADMIN_BASE_URL
                    + reverse("champions:dashboard"),
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
