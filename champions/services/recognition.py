"""Writes for recognition: milestones reached (once each, with a message), commendations."""

import datetime
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from accounts.site import absolute_url

from ..choices import ActivityStatus, MilestoneKind, Stage
from ..models import ActivityLog, Champion, ChampionsSettings, Commendation, Milestone
from .notifications import champion_email_queue


def _reach(champion: Champion, kind: str, value: int, today: datetime.date) -> Milestone | None:
    """Record the milestone unless it was reached before; message the champion the first time."""
    if Milestone.objects.filter(champion=champion, kind=kind, value=value).exists():
        return None
    try:
        with transaction.atomic():
            milestone = Milestone.objects.create(
                champion=champion, kind=kind, value=value, reached_on=today
            )
    except IntegrityError:  # reached in a simultaneous transaction
        return None
    champion_email_queue(
        champion=champion,
        key=f"champions.milestone.{milestone.pk}.reached",
        subject=f"Thank you: {milestone}",
        template="champions/email/milestone_reached.txt",
        context={"milestone": milestone, "url": absolute_url(reverse("champions:dashboard"))},
    )
    return milestone


@transaction.atomic
def milestones_award(*, champions: Iterable[Champion], today: datetime.date | None = None) -> int:
    """Hours milestones now reached by these champions' approved hours; returns how many new."""
    today = today or timezone.localdate()
    thresholds = ChampionsSettings.load().milestone_hours_list
    reached = 0
    for champion in champions:
        total = ActivityLog.objects.filter(
            champion=champion, status=ActivityStatus.APPROVED
        ).aggregate(hours=Sum("hours"))["hours"]
        for value in (t for t in thresholds if total is not None and total >= t):
            reached += _reach(champion, MilestoneKind.HOURS, value, today) is not None
    return reached


def _years_between(start: datetime.date, today: datetime.date) -> int:
    return today.year - start.year - ((today.month, today.day) < (start.month, start.day))


@transaction.atomic
def anniversaries_award(*, today: datetime.date | None = None) -> int:
    """Service anniversaries reached by today (active or paused champions); idempotent."""
    today = today or timezone.localdate()
    reached = 0
    champions = Champion.objects.filter(stage__in=[Stage.ACTIVE, Stage.PAUSED]).select_related(
        "user"
    )
    for champion in champions:
        for years in range(1, _years_between(champion.joined_on, today) + 1):
            reached += _reach(champion, MilestoneKind.ANNIVERSARY, years, today) is not None
    return reached


@transaction.atomic
def commendation_write(*, commendation: Commendation, by) -> Commendation:
    """Save a coordinator's thank-you and let the champion know once."""
    creating = commendation.pk is None
    commendation.written_by = commendation.written_by or by
    commendation.save()
    if creating:
        champion_email_queue(
            champion=commendation.champion,
            key=f"champions.commendation.{commendation.pk}.written",
            subject="A thank-you from your coordinator",
            template="champions/email/commendation.txt",
            context={
                "commendation": commendation,
                "url": absolute_url(reverse("champions:dashboard")),
            },
        )
    return commendation


@transaction.atomic
def commendation_publicity_set(*, commendation: Commendation, public: bool) -> Commendation:
    """The champion's choice: show this thank-you, with their first name, on their stories."""
    commendation.public = public
    commendation.save(update_fields=["public"])
    return commendation
