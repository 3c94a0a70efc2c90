"""Writes for goals a champion agrees with their coordinator: set, noted, achieved."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import audit
from ..models import Champion, Goal, GoalNote


def _may_work_on(champion: Champion, user) -> None:
    """Only the champion and their coordinator work on the champion's goals."""
    if user.pk not in (champion.user_id, champion.coordinator_id):
        raise PermissionDenied("Only the champion and their coordinator work on these goals.")


@transaction.atomic
def goal_create(
    *,
    champion: Champion,
    by,
    title: str,
    target_on: datetime.date | None = None,
    factor=None,
    skill: str = "",
) -> Goal:
    """Agree a new goal for the champion (by the champion or their coordinator)."""
    _may_work_on(champion, by)
    goal = Goal.objects.create(
        champion=champion,
        title=title.strip(),
        target_on=target_on,
        factor=factor,
        skill=skill.strip(),
        created_by=by,
    )
    log(instance=champion, action=audit.CHANGE_GOAL, user=by, data={"goal": goal.pk, "set": 1})
    return goal


@transaction.atomic
def goal_note_add(*, goal: Goal, by, text: str) -> GoalNote:
    """Add a dated progress note to a goal."""
    _may_work_on(goal.champion, by)
    note = GoalNote.objects.create(goal=goal, author=by, text=text.strip())
    log(instance=goal.champion, action=audit.CHANGE_GOAL, user=by, data={"goal": goal.pk})
    return note


@transaction.atomic
def goal_mark_achieved(*, goal: Goal, by, on: datetime.date | None = None) -> Goal:
    """Mark a goal achieved on a date (today by default); marking it again changes nothing."""
    _may_work_on(goal.champion, by)
    if goal.achieved_on is None:
        goal.achieved_on = on or timezone.localdate()
        goal.save(update_fields=["achieved_on"])
        log(
            instance=goal.champion,
            action=audit.CHANGE_GOAL,
            user=by,
            data={"goal": goal.pk, "achieved_on": goal.achieved_on.isoformat()},
        )
    return goal
