"""Notices the journey sends: staff told of a new sign-up, a champion told of a new stage.

All links use the site's configured address (accounts.site.absolute_url).
"""

from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import COORDINATORS, User
from accounts.services.outbox import outbox_message_queue
from accounts.site import absolute_url

from ..models import Champion, StageChange
from .notifications import champion_email_queue

STAGE_SUBJECTS = {
    "onboarding": "You have started onboarding",
    "in_training": "You are now in training",
    "active": "You are now an active Parent Champion",
    "paused": "Your volunteering is paused",
    "alumni": "Thank you for being a Parent Champion",
}


def champion_stage_notice(*, change: StageChange) -> None:
    """Tell the champion (with e-mail consent) about their new stage, once per change."""
    champion = change.champion
    champion_email_queue(
        champion=champion,
        key=f"champions.stage_change.{change.pk}.notice",
        subject=STAGE_SUBJECTS.get(change.to_stage, "Your Parent Champion journey"),
        template="champions/email/stage_changed.txt",
        context={
            "change": change,
            "stage": champion.get_stage_display(),
            "dashboard_url": absolute_url(reverse("champions:dashboard")),
        },
    )


def champion_coordinator_notice(*, champion: Champion) -> None:
    """Tell the champion (with e-mail consent) who their coordinator now is and how to reach
    them, once per coordinator."""
    coordinator = champion.coordinator
    champion_email_queue(
        champion=champion,
        key=f"champions.champion.{champion.pk}.coordinator.{coordinator.pk}",
        subject="Your coordinator",
        template="champions/email/coordinator_assigned.txt",
        context={
            "coordinator": coordinator,
            "dashboard_url": absolute_url(reverse("champions:dashboard")),
        },
    )


def staff_signup_notice(*, champion: Champion) -> int:
    """Tell the champion's coordinator, or (a new sign-up has none yet) every coordinator,
    of a new sign-up; returns how many staff were told."""
    if champion.coordinator_id:
        staff = [champion.coordinator]
    else:
        staff = list(User.objects.filter(groups__name=COORDINATORS, is_active=True))
    body = render_to_string(
        "champions/email/new_signup.txt",
        {
            "champion": champion,
            "admin_url": absolute_url(reverse("champions_champion:inspect", args=[champion.pk])),
        },
    )
    for user in staff:
        outbox_message_queue(
            key=f"champions.champion.{champion.pk}.signup_notice.{user.pk}",
            user=user,
            address=user.email,
            subject=f"New sign-up: {champion.preferred_name}",
            body=body,
        )
    return len(staff)
