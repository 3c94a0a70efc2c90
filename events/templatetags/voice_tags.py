"""The champion dashboard's "Parent voice" section: consultations open for paper responses and
how many responses the champion has entered."""

from django import template

from champions.choices import Stage

from ..selectors.consultations import consultations_open, paper_responses_count
from ..selectors.meetings import events_to_record_voice_for

register = template.Library()


@register.inclusion_tag("events/includes/dashboard_voice_panel.html")
def champion_voice_panel(champion):
    active = champion.stage == Stage.ACTIVE
    return {
        "active": active,
        "consultations": list(consultations_open()) if active else [],
        "entered": paper_responses_count(champion),
        "to_record": list(events_to_record_voice_for(champion)),
    }
