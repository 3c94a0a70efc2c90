"""Writes for a champion's journey: sign-up, stage changes, their profile and lapse flags."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import audit
from ..choices import Stage
from ..models import Champion, StageChange
from ..selectors.champions import champions_with_progress
from ..selectors.readiness import champion_readiness_gaps
from ..selectors.training import training_modules_required
from .consents import consent_give
from .notices import champion_stage_notice, staff_signup_notice
from .welcome import champion_assign_coordinator


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


@transaction.atomic
def champion_sign_up(
    *,
    user,
    preferred_name: str,
    area=None,
    contact_preference: str = "",
    phone: str = "",
    consents=(),
) -> Champion:
    """A parent's sign-up: their profile at "enquiry" with the area, how to reach them and
    each consent they ticked (recorded with the wording version they were shown), and a
    coordinator in turn with the promised first contact."""
    champion = champion_register(user=user, preferred_name=preferred_name)
    champion.area = area
    champion.phone = phone.strip()
    if contact_preference:
        champion.contact_preference = contact_preference
    champion.save(update_fields=["area", "phone", "contact_preference"])
    for kind in consents:
        consent_give(champion=champion, kind=kind, by=user)
    champion = champion_assign_coordinator(champion=champion)
    # After assignment, so that the area's coordinator is the one told.
    staff_signup_notice(champion=champion)
    return champion


class NotReady(ValidationError):
    """Raised when a champion may not become active; `gaps` lists what is missing."""

    def __init__(self, gaps):
        self.gaps = gaps
        super().__init__(["Not ready to become active:", *gaps])


def _overrides_readiness(champion, *, by, reason: str, override: bool) -> bool:
    """Whether making the champion active overrides the readiness rule; raises if not allowed."""
    loaded = champions_with_progress().get(pk=champion.pk)
    gaps = champion_readiness_gaps(loaded, training_modules_required(), timezone.localdate())
    if not gaps:
        return False
    if not override:
        raise NotReady(gaps)
    if not by.has_perm("champions.override_readiness"):
        raise PermissionDenied("You may not override the readiness rule.")
    if not reason.strip():
        raise ValidationError("Give a reason for making this champion active anyway.")
    return True


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
    overridden = to_stage == Stage.ACTIVE and _overrides_readiness(
        champion, by=by, reason=reason, override=override
    )
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
        action=audit.CHANGE_STAGE,
        user=by,
        data={
            "from": change.from_stage,
            "to": to_stage,
            "reason": change.reason,
            "overridden": overridden,
        },
    )
    champion_stage_notice(change=change)
    return change


PROFILE_FIELDS = (
    "preferred_name",
    "area",
    "phone",
    "contact_preference",
    "preferred_channel",
    "languages",
    "heard_about",
)


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
            action=audit.EDIT_PROFILE,
            user=by,
            data={"fields": sorted(changed)},
        )
    return champion


@transaction.atomic
def champions_flag_lapsed(*, today: dt.date) -> int:
    """Flag active champions whose DBS or required training has lapsed, for staff to act on.

    They are not demoted: a coordinator decides. A flag clears itself once everything is back in
    date. Returns how many champions' flags changed.
    """
    modules = training_modules_required()
    changed = 0
    for champion in champions_with_progress(Champion.objects.filter(stage=Stage.ACTIVE)):
        changed += _attention_set(champion, modules, today)
    return changed


@transaction.atomic
def champion_attention_refresh(*, champion_id: int, today: dt.date | None = None) -> bool:
    """Recompute an active champion's "Needs attention" now, when a check or training record
    changes (renewed training clears it at once, not at the nightly run). True if it changed."""
    # of=self: the progress query outer-joins the (nullable) ward, which cannot be locked.
    queryset = Champion.objects.select_for_update(of=("self",)).filter(
        pk=champion_id, stage=Stage.ACTIVE
    )
    champion = champions_with_progress(queryset).first()
    if champion is None:
        return False
    return _attention_set(champion, training_modules_required(), today or timezone.localdate())


def _attention_set(champion: Champion, modules, today: dt.date) -> bool:
    # The same rule as for activation: anything it lists has lapsed since they became active.
    gaps = champion_readiness_gaps(champion, modules, today)
    attention = "\n".join(gaps)
    if attention == champion.attention_needed:
        return False
    champion.attention_needed = attention
    champion.save(update_fields=["attention_needed"])
    log(instance=champion, action=audit.FLAG, data={"attention_needed": gaps})
    return True
