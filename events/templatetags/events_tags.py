from django import template

from events import selectors

register = template.Library()


@register.inclusion_tag("events/_dashboard_panel.html")
def champion_events_panel(champion, limit=3):
    """Upcoming bookings and "log this" prompts for the dashboard, in two queries."""
    return {
        "upcoming": list(selectors.champion_upcoming_registrations(champion)[:limit]),
        "prompts": list(selectors.champion_log_prompts(champion)[:limit]),
    }
