"""Form fields and widgets shared by the champions app's forms."""

import uuid

from django import forms

from ..models import ProtectiveFactor

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def protective_factors_field() -> forms.ModelMultipleChoiceField:
    """Checkboxes for the protective factors an activity touched (their codes as values)."""
    return forms.ModelMultipleChoiceField(
        queryset=ProtectiveFactor.objects.all(),
        label="Protective factors it helped with",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick any that apply.",
    )


def submission_key_field() -> forms.UUIDField:
    """A one-time key, new each time the form is shown: the same form sent twice records one
    entry (champions.services.submissions)."""
    return forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)
