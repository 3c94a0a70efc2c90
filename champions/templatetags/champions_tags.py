"""Template helpers for the champions app's pages (hours, status badges, activity summary)."""

from django import template

from ..choices import ActivityStatus, ExpenseStatus
from ..models.activity import format_hours
from ..selectors.activity import activity_hours_approved_totals

register = template.Library()

_BADGES = {
    ActivityStatus.APPROVED: "badge--ok",
    ActivityStatus.QUERIED: "badge--warn",
    ActivityStatus.REJECTED: "badge--bad",
    ExpenseStatus.PAID: "badge--ok",
}


@register.filter
def hours(value) -> str:
    return format_hours(value)


@register.filter
def status_badge(status: str) -> str:
    return _BADGES.get(status, "")


@register.simple_tag
def activity_summary(champion) -> dict:
    """Approved hours and entries with a question waiting, for the dashboard."""
    return {
        "totals": activity_hours_approved_totals(champion),
        "queried": champion.activity_logs.filter(status=ActivityStatus.QUERIED).count(),
    }
