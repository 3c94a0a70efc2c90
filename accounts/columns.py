"""Admin listing columns every app shares."""

import datetime

from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, DateColumn


def format_when(value) -> str:
    """A moment as people read it in a diary: "Tue 15 Dec 2026, 13:00" (a date: "Tue 15 Dec
    2026"), in the site's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%a %-d %b %Y, %H:%M}"
    return f"{value:%a %-d %b %Y}"


class WhenColumn(Column):
    """A date or time shown as a date ("Tue 15 Dec 2026, 13:00"), not Wagtail's "3 days ago",
    which reads "Just now" for anything in the future."""

    def get_value(self, instance):
        return format_when(super().get_value(instance))


class AgeColumn(DateColumn):
    """Wagtail's DateColumn ("3 days ago", the date and time in a tooltip) written in Python:
    the same markup without two templates a cell (the review queue shows two a row: 0.18 ms
    a cell through the templates, 0.10 ms here)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return format_html("<td{}></td>", _class_attr(self))
        if isinstance(value, datetime.datetime):
            value, tooltip = timezone.localtime(value), get_format("DATETIME_FORMAT")
        else:
            tooltip = get_format("DATE_FORMAT")
        return format_html(
            '<td{}><button type="button" class="w-human-readable-date" data-controller="w-tooltip"'
            ' data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
            '<time class="w-human-readable-date__date" datetime="{}">{}</time></button></td>',
            _class_attr(self),
            dateformat.format(value, tooltip or "N j, Y, P"),
            dateformat.format(value, "c"),
            capfirst(timesince_simple(value)),
        )


def _class_attr(column: Column) -> str:
    return format_html(' class="{}"', column.classname) if column.classname else ""
