"""The form a champion who ran a mapping session or focus group uses to record a point."""

from django import forms

from champions.models import ProtectiveFactor


class VoicePointForm(forms.Form):
    """One point parents raised: what, its theme, factors, how many, and an optional quote."""

    text = forms.CharField(
        label="What parents said",
        max_length=500,
        error_messages={"required": "Say what parents said."},
    )
    theme = forms.CharField(
        label="Theme", max_length=100, required=False, help_text="e.g. “Clinic times”."
    )
    parents_count = forms.IntegerField(
        label="How many parents raised it",
        min_value=1,
        max_value=10_000,
        required=False,
        error_messages={
            "min_value": "Give a number of 1 or more.",
            "invalid": "Give a whole number.",
        },
    )
    quote = forms.CharField(
        label="A parent's words (optional)",
        max_length=300,
        required=False,
        help_text="Leave out anything that could identify them, such as names.",
    )
    factors = forms.ModelMultipleChoiceField(
        label="Protective factors it touches",
        queryset=ProtectiveFactor.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
