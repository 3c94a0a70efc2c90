from django import template

from ..selectors.booking import registrations_to_log_for, registrations_upcoming_for

register = template.Library()


@register.inclusion_tag("events/includes/dashboard_panel.html")
def champion_events_panel(champion, limit=3):
    """Upcoming bookings and "log this" prompts for the dashboard, in two queries."""
    return {
        "upcoming": list(registrations_upcoming_for(champion)[:limit]),
        "prompts": list(registrations_to_log_for(champion)[:limit]),
    }
