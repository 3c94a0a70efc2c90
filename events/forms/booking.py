"""The filters on a champion's list of upcoming events."""

from django import forms

from champions.models import Area

from ..choices import EventKind


class EventFilterForm(forms.Form):
    """Filters on the champion's list of upcoming events."""

    kind = forms.ChoiceField(
        label="Kind of event", choices=[("", "All kinds"), *EventKind.choices], required=False
    )
    area = forms.ModelChoiceField(
        label="Ward", queryset=Area.objects.all(), required=False, empty_label="All wards"
    )
