"""Rules for activity logs: what champions submit and what staff decide.

Shared with expense claims (services/reviews.py): open until reviewed, audited decisions,
decision e-mails. Only here: the 90-day window and "an event you were booked on" for champions'
own entries, at most 16 hours a day, and a question staff ask that the champion answers.
"""

import datetime
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, NotRequired, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.site import absolute_url

from .. import audit
from ..choices import ActivityStatus
from ..models import ActivityLog, Champion
from ..selectors.activity import activity_log_event_choices
from ..selectors.welcome import champion_not_logging_reason
from . import reviews
from .recognition import milestones_award
from .submissions import entry_already_submitted

CHAMPION_DATE_WINDOW_DAYS = 90

OLD_DATE = "You can log activities from the last 90 days. For anything older, ask your coordinator."
NOT_BOOKED = "Choose an event you were booked on."
ANSWER_NEEDED = "Answer the question from staff before you send this back."
DECISION_EMAILS = {
    ActivityStatus.QUERIED: (
        "A question about your activity log",
        "champions/activity/email/activity_queried.txt",
    ),
    ActivityStatus.REJECTED: (
        "Your activity log was not approved",
        "champions/activity/email/activity_rejected.txt",
    ),
}


def _lock_champion(champion: Champion) -> None:
    # Serialises one champion's writes, so two entries at once cannot both pass the daily limit.
    Champion.objects.select_for_update().filter(pk=champion.pk).first()


def _check_activity_rules(*, champion, date, event, by_staff: bool, before=None) -> None:
    """The rules for champions' own entries; on an edit, only what changed is checked again."""
    errors = {}
    date_changed = before is None or date != before.date
    event_changed = before is None or event != before.event
    oldest = timezone.localdate() - datetime.timedelta(days=CHAMPION_DATE_WINDOW_DAYS)
    if not by_staff and date_changed and date < oldest:
        errors["date"] = OLD_DATE
    if event is not None and not by_staff and event_changed:
        booked = activity_log_event_choices(champion, started_only=False)
        if not booked.filter(pk=event.pk).exists():
            errors["event"] = NOT_BOOKED
    if errors:
        raise ValidationError(errors)


def activity_factors_set(*, log: ActivityLog, factors: Iterable) -> None:
    """Replace the protective factors an activity touched (ProtectiveFactor rows or codes)."""
    log.protective_factors.set(factors)


class ActivityFields(TypedDict):
    """What a champion (or staff) enters for an activity log."""

    date: datetime.date
    kind: str
    hours: Decimal
    description: str
    people_reached: NotRequired[int | None]
    event: NotRequired[Any]  # an events.Event, or None


def _save(log: ActivityLog, factors: Iterable, fields: ActivityFields) -> ActivityLog:
    for name, value in fields.items():
        setattr(log, name, value)
    log.full_clean()
    log.save()
    activity_factors_set(log=log, factors=factors)
    return log


@transaction.atomic
def activity_log_submit(
    *,
    champion: Champion,
    entered_by: User | None = None,
    protective_factors: Iterable = (),
    submission_key: uuid.UUID | None = None,
    **fields: Unpack[ActivityFields],
) -> ActivityLog:
    """Record an activity, waiting for review. Staff may enter dates older than 90 days.

    Sent again with the same `submission_key`, it returns the entry already recorded.
    """
    sent = entry_already_submitted(
        ActivityLog.objects, champion=champion, submission_key=submission_key
    )
    if sent is not None:
        return sent
    if reason := champion_not_logging_reason(champion):
        raise ValidationError(reason)
    by_staff = reviews.by_staff(entered_by)
    _check_activity_rules(
        champion=champion, date=fields["date"], event=fields.get("event"), by_staff=by_staff
    )
    log = ActivityLog(champion=champion, submission_key=submission_key)
    return _save(log, protective_factors, fields)


@transaction.atomic
def activity_log_update(
    *,
    log: ActivityLog,
    changed_by: User,
    protective_factors: Iterable = (),
    champion_reply: str = "",
    **fields: Unpack[ActivityFields],
) -> ActivityLog:
    """A champion changes an entry not yet reviewed; answering a query sends it back for review."""
    log = reviews.entry_lock_open(log)
    if log.status == ActivityStatus.QUERIED and not champion_reply.strip():
        raise ValidationError({"champion_reply": ANSWER_NEEDED})
    _check_activity_rules(
        champion=log.champion,
        date=fields["date"],
        event=fields.get("event"),
        by_staff=reviews.by_staff(changed_by),
        before=log,
    )
    _lock_champion(log.champion)
    if log.status == ActivityStatus.QUERIED:
        log.champion_reply = champion_reply.strip()
        log.status = ActivityStatus.SUBMITTED
    return _save(log, protective_factors, fields)


@transaction.atomic
def activity_log_withdraw(*, log: ActivityLog) -> None:
    """A champion takes back an entry not yet reviewed; it is deleted."""
    reviews.entry_lock_open(log).delete()


@transaction.atomic
def activity_logs_approve(*, logs: Iterable[ActivityLog], by: User) -> int:
    """Approve entries waiting for review (or queried); returns how many were approved.
    Hours milestones the approved hours reach are recorded (and announced) once."""
    logs = list(logs)
    approved = reviews.entries_approve(
        ActivityLog,
        entries=logs,
        by=by,
        from_statuses=[ActivityStatus.SUBMITTED, ActivityStatus.QUERIED],
        status=ActivityStatus.APPROVED,
        action=audit.APPROVE_ACTIVITY,
        data_for=lambda log: {"hours": str(log.hours)},
    )
    owners = ActivityLog.objects.filter(pk__in=[log.pk for log in logs]).values("champion_id")
    milestones_award(champions=Champion.objects.filter(pk__in=owners).select_related("user"))
    return approved


@transaction.atomic
def activity_log_query(*, log: ActivityLog, by: User, question: str) -> ActivityLog:
    """Ask the champion a question; they answer by editing the entry. They are e-mailed."""
    return _decide_with_message(
        log, by=by, status=ActivityStatus.QUERIED, action=audit.QUERY_ACTIVITY, message=question
    )


@transaction.atomic
def activity_log_reject(*, log: ActivityLog, by: User, reason: str) -> ActivityLog:
    """Turn an entry down with a reason; its hours do not count. The champion is e-mailed."""
    return _decide_with_message(
        log, by=by, status=ActivityStatus.REJECTED, action=audit.REJECT_ACTIVITY, message=reason
    )


def _decide_with_message(log, *, by, status, action, message) -> ActivityLog:
    log = reviews.entry_lock_for_decision(log, message)
    reviews.entry_decide(log, by=by, status=status, action=action, message=message.strip())
    reviews.entry_email_decision(
        log, emails=DECISION_EMAILS, context_name="log", url=absolute_url(reverse("activity:list"))
    )
    return log
