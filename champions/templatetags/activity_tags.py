"""Template helpers for activity logs and expense claims."""

from django import template

from ..activity_selectors import approved_hours_totals
from ..choices import ActivityStatus, ExpenseStatus
from ..models.activity import format_hours

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
        "totals": approved_hours_totals(champion),
        "queried": champion.activity_logs.filter(status=ActivityStatus.QUERIED).count(),
    }
