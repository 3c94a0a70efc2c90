from django import template

from ..money import format_money

register = template.Library()


@register.filter
def money(amount) -> str:
    """{{ claim.amount|money }} -> "£21.40"."""
    return format_money(amount)
