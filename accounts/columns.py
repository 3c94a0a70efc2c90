"""Admin listing columns every app shares."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.tables import Column


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
