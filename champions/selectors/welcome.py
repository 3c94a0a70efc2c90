"""Reads for a champion's welcome: their coordinator, next step, the steps ahead and the
consents they can give; and for staff, enquiries still waiting for a first contact."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from ..choices import ConsentKind, Stage
from ..models import Champion, ChampionsSettings, Consent, CoordinatorProfile
from ..wording import CONSENT_WORDING, ConsentWording

# The stages a champion walks through, in order, as the dashboard's "steps ahead" shows them.
JOURNEY_STEPS = [
    (Stage.ENQUIRY, "Say hello", "Your coordinator gets in touch; come to a welcome session."),
    (Stage.ONBOARDING, "Checks", "A DBS check, two references and the volunteer agreement."),
    (Stage.IN_TRAINING, "Training", "Short, friendly sessions that build confidence."),
    (Stage.ACTIVE, "Champion", "Choose what you do: stalls, meetings, peer support."),
]
# The one place saying who logs activities and claims expenses: the pages, the services and
# the dashboard all ask `champion_logs_activity`.
STAGES_LOGGING_ACTIVITY = {Stage.IN_TRAINING, Stage.ACTIVE, Stage.PAUSED}
LOGGING_FROM_STAGE = Stage.IN_TRAINING
NOT_LOGGING_YET = (
    f"Logging activities and claiming expenses start at the "
    f"\u201c{LOGGING_FROM_STAGE.label}\u201d stage."
)
NOT_LOGGING_NOW = "Logging activities and claiming expenses are for current champions."


def champion_logs_activity(champion: Champion) -> bool:
    """Whether the champion's stage is one where they log activities and claim expenses."""
    return champion.stage in STAGES_LOGGING_ACTIVITY


def champion_not_logging_reason(champion: Champion) -> str:
    """Why the champion cannot log yet (or any more); empty when they can."""
    if champion_logs_activity(champion):
        return ""
    before = champion.stage in (Stage.ENQUIRY, Stage.ONBOARDING)
    return NOT_LOGGING_YET if before else NOT_LOGGING_NOW


@dataclass
class Step:
    title: str
    text: str
    state: str  # "done", "current" or "ahead"


@dataclass
class Welcome:
    """What the dashboard's welcome panel shows for one champion."""

    coordinator_name: str
    coordinator_email: str
    coordinator_phone: str
    coordinator_photo: object
    next_step: str
    next_step_due_on: datetime.date | None
    steps: list[Step]
    consents_to_give: list[ConsentWording]
    logs_activity: bool
    books_welcome_session: bool


def _steps(stage: str) -> list[Step]:
    order = [s for s, _, _ in JOURNEY_STEPS]
    here = order.index(stage) if stage in order else len(order)
    states = ["done"] * here + ["current"] + ["ahead"] * len(order)
    return [Step(title, text, states[i]) for i, (_, title, text) in enumerate(JOURNEY_STEPS)]


def champion_welcome(champion: Champion) -> Welcome:
    """The champion's coordinator (photo only with their consent), next step, steps ahead and
    the consents not yet given; activity logging only from the stages where it applies."""
    coordinator = champion.coordinator
    profile = (
        CoordinatorProfile.objects.select_related("photo").filter(user=coordinator).first()
        if coordinator
        else None
    )
    given = Consent.objects.current_for(champion)
    return Welcome(
        coordinator_name=coordinator.get_full_name() if coordinator else "",
        coordinator_email=coordinator.email if coordinator else "",
        coordinator_phone=profile.phone if profile else "",
        coordinator_photo=profile.shown_photo if profile else None,
        next_step=champion.next_step,
        next_step_due_on=champion.next_step_due_on,
        steps=_steps(champion.stage),
        consents_to_give=[CONSENT_WORDING[k] for k in ConsentKind if k not in given],
        logs_activity=champion_logs_activity(champion),
        books_welcome_session=champion.stage in (Stage.ENQUIRY, Stage.ONBOARDING),
    )


def enquiries_without_contact(today: datetime.date) -> QuerySet:
    """Enquiries nobody has contacted within the Settings' days of signing up, oldest first."""
    days = ChampionsSettings.load().enquiry_contact_days
    return (
        Champion.objects.filter(
            stage=Stage.ENQUIRY,
            contacted_on__isnull=True,
            joined_on__lte=today - datetime.timedelta(days=days),
        )
        .select_related("coordinator", "area")
        .order_by("joined_on", "pk")
    )
