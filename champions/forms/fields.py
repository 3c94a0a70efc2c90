"""Form fields and widgets shared by the champions app's forms."""

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
