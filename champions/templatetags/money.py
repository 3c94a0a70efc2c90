"""`{% load money %}{{ amount|money }}`: an amount as "£21.40" (champions.money)."""

from django import template

from ..money import format_money

register = template.Library()


@register.filter
def money(value) -> str:
    return format_money(value)
