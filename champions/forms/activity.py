"""Activity log forms: a champion's own entry and staff entry in the admin."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from ..choices import ActivityKind, ActivityStatus
from ..models import ActivityLog
from ..selectors.activity import activity_log_event_choices
from .fields import DATE_INPUT, protective_factors_field, submission_key_field


class ActivityLogForm(forms.ModelForm):
    """A champion's own entry: the four required fields first, so it takes under a minute."""

    protective_factors = protective_factors_field()
    submission_key = submission_key_field()

    class Meta:
        model = ActivityLog
        fields = [
            "date",
            "kind",
            "hours",
            "description",
            "protective_factors",
            "people_reached",
            "event",
            "champion_reply",
        ]
        widgets = {
            "date": DATE_INPUT,
            "kind": forms.RadioSelect,
            "hours": forms.NumberInput(
                attrs={"step": "0.25", "min": "0.25", "max": "12", "inputmode": "decimal"}
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
            "people_reached": forms.NumberInput(attrs={"min": "0", "inputmode": "numeric"}),
            "champion_reply": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"kind": "Type of activity", "hours": "Hours"}
        error_messages = {
            "date": {"required": "Enter the date of the activity."},
            "kind": {"required": "Choose the type of activity."},
            "hours": {"required": "Enter how many hours it took."},
            "description": {"required": "Say briefly what you did."},
        }

    def __init__(self, *args, champion, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.champion = champion
        self.fields["kind"].choices = ActivityKind.choices  # radio buttons: no blank choice
        self.fields["event"].queryset = activity_log_event_choices(champion)
        self.fields["event"].empty_label = "Not linked to an event"
        self.fields["event"].label = "Event (if it was one)"
        if self.instance.pk:
            del self.fields["submission_key"]  # an edit changes the entry it is about
        if self.instance.status == ActivityStatus.QUERIED:
            self.fields["champion_reply"].required = True
            self.fields["champion_reply"].label = "Your answer to the question"
        else:
            del self.fields["champion_reply"]

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ActivityLogAdminForm(WagtailAdminModelForm):
    """Staff entry of a log (any past date); status changes only through the review actions."""

    # Saved by the model form itself, as ActivityFactor rows.
    protective_factors = protective_factors_field()

    class Meta:
        # In the order of the admin's panels (viewsets/activity_log.py).
        fields = [
            "champion",
            "date",
            "kind",
            "hours",
            "event",
            "people_reached",
            "description",
            "protective_factors",
        ]
