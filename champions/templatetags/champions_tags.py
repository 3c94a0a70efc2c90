"""Template helpers for the champions app's pages (hours, status badges, activity summary)."""

from django import template

from ..choices import ActivityStatus, ExpenseStatus
from ..models.activity import format_hours
from ..selectors.activity import activity_hours_approved_totals, activity_people_reached
from ..selectors.messages import champion_messages

register = template.Library()

_TONES = {
    ActivityStatus.APPROVED: "ok",
    ActivityStatus.QUERIED: "warn",
    ActivityStatus.REJECTED: "bad",
    ExpenseStatus.PAID: "ok",
}


@register.filter
def hours(value) -> str:
    return format_hours(value)


@register.filter
def status_tone(status: str) -> str:
    """The badge tone (components/badge.html) for a log's or claim's status."""
    return _TONES.get(status, "")


@register.simple_tag
def activity_summary(champion) -> dict:
    """Approved hours, people reached and entries with a question waiting, for the dashboard."""
    return {
        "totals": activity_hours_approved_totals(champion),
        "reached": activity_people_reached(champion),
        "queried": champion.activity_logs.filter(status=ActivityStatus.QUERIED).count(),
    }


@register.simple_tag
def latest_messages(champion, count: int = 3) -> list:
    """The champion's newest messages, for the dashboard."""
    return list(champion_messages(champion)[:count])
