from django import template

from ..selectors.outcomes import outcomes_for_champion

register = template.Library()


@register.inclusion_tag("cms/includes/champion_outcomes.html")
def champion_outcomes(champion):
    """The dashboard's "What changed" list: outcomes from meetings and consultations the
    champion took part in."""
    return {"outcomes": list(outcomes_for_champion(champion))}
