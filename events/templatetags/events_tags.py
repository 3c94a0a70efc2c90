from django import template

from ..choices import EventKind
from ..selectors.booking import registrations_to_log_for, registrations_upcoming_for
from ..selectors.events import events_upcoming_for

register = template.Library()


@register.inclusion_tag("events/includes/dashboard_panel.html")
def champion_events_panel(champion, limit=3):
    """Upcoming bookings and "log this" prompts for the dashboard, in two queries."""
    return {
        "upcoming": list(registrations_upcoming_for(champion)[:limit]),
        "prompts": list(registrations_to_log_for(champion)[:limit]),
    }


@register.inclusion_tag("events/includes/welcome_sessions_panel.html", takes_context=True)
def welcome_sessions_panel(context, champion, limit=3):
    """The next welcome sessions an enquirer can book from the dashboard."""
    return {
        "sessions": list(events_upcoming_for(champion, kind=EventKind.WELCOME)[:limit]),
        "next": context["request"].get_full_path(),
        "request": context["request"],
    }
