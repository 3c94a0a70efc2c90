"""Staff forms for training: one champion's record, and completions for many at once."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from ..choices import Stage, TrainingStatus
from ..models import Champion, TrainingModule, TrainingRecord
from ..validators import validate_not_in_future


class TrainingRecordForm(WagtailAdminModelForm):
    """A champion's record of one module; a completion needs its date, not in the future."""

    class Meta:
        model = TrainingRecord
        fields = ["champion", "module", "status", "completed_on"]

    def clean(self):
        cleaned = super().clean()
        status, completed_on = cleaned.get("status"), cleaned.get("completed_on")
        if status in (TrainingStatus.COMPLETED, TrainingStatus.EXPIRED) and not completed_on:
            self.add_error("completed_on", "Enter the date the module was completed.")
        try:
            validate_not_in_future(completed_on, what="The completion date")
        except ValidationError as error:
            self.add_error("completed_on", error)
        return cleaned


class ChampionCheckboxes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        area = f", {obj.area}" if obj.area else ""
        return f"{obj.preferred_name} ({obj.get_stage_display()}{area})"


class BulkCompletionForm(forms.Form):
    """One module and date for many champions at once."""

    module = forms.ModelChoiceField(queryset=TrainingModule.objects.all(), label="Module")
    completed_on = forms.DateField(label="Completed on", widget=AdminDateInput)
    champions = ChampionCheckboxes(
        queryset=Champion.objects.exclude(stage=Stage.ALUMNI).select_related("area"),
        widget=forms.CheckboxSelectMultiple,
        label="Champions who completed it",
        error_messages={"required": "Tick at least one champion."},
    )

    def clean_completed_on(self):
        completed_on = self.cleaned_data["completed_on"]
        validate_not_in_future(completed_on, what="The completion date")
        return completed_on
