"""Form fields and widgets shared by the champions app's forms."""

from django import forms

from ..choices import ProtectiveFactor

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def protective_factors_field() -> forms.MultipleChoiceField:
    """Checkboxes for the protective factors an activity touched."""
    return forms.MultipleChoiceField(
        label="Protective factors it helped with",
        choices=ProtectiveFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick any that apply.",
    )
