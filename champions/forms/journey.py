"""The staff form that moves a champion to another stage."""

from django import forms

from ..choices import Stage


class ChangeStageForm(forms.Form):
    """The new stage and why; overriding the readiness rule only for those allowed to."""

    to_stage = forms.ChoiceField(label="New stage", choices=Stage.choices)
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when overriding the readiness rule.",
    )
    override = forms.BooleanField(
        label="Make active although not ready",
        required=False,
        help_text="Only for staff allowed to override the readiness rule; give the reason.",
    )

    def __init__(self, *args, champion, can_override, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            (value, label) for value, label in Stage.choices if value != champion.stage
        ]
        if not can_override:
            del self.fields["override"]
