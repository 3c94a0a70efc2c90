"""`{% load html_time %}<time datetime="{{ value|datetime_attr }}">`: a valid HTML date or time.

HTML's `datetime` attribute allows at most three fractional digits of a second; Django's "c"
format writes six. Dates become "2026-03-18"; times "2026-03-18T10:31:29+00:00" in local time.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def datetime_attr(value) -> str:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
