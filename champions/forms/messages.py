"""The coordinator's compose form for a group message: what, how, and to whom."""

import re

from django import forms

from ..models import Champion, GroupMessage
from ..selectors.messages import EVENT_PLACEHOLDERS, PLACEHOLDERS, sms_parts

MOST_CHOSEN = 500  # a hand-picked list longer than this is a group: use the filters
SMS_MOST = 918  # six parts: the most a text message may be (GOV.UK Notify's limit)
FILTERS = ("area", "stage", "training_module", "event")


class ChosenChampions(forms.ModelMultipleChoiceField):
    """Champions picked on the champions listing, carried as ids."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Champion.objects.all(),
            required=False,
            widget=forms.MultipleHiddenInput,
            error_messages={
                "invalid_choice": "Some of the chosen champions no longer exist: pick them "
                "again from the champions listing.",
                "invalid_pk_value": "The chosen champions are not valid: pick them again "
                "from the champions listing.",
                "invalid_list": "The chosen champions are not valid: pick them again from "
                "the champions listing.",
            },
            **kwargs,
        )

    def clean(self, value):
        if value and len(value) > MOST_CHOSEN:
            raise forms.ValidationError(
                f"Pick at most {MOST_CHOSEN} champions by hand; for more, use the filters."
            )
        if value and not isinstance(value, (list, tuple)):
            raise forms.ValidationError(self.error_messages["invalid_list"])
        # Ids come from the address bar: a non-number, or one past the database's integers,
        # is a clear error, not a server error.
        if value and any(not str(pk).isdigit() or int(pk) >= 2**63 for pk in value):
            raise forms.ValidationError(self.error_messages["invalid_pk_value"] % {"pk": ""})
        return super().clean(value)


class GroupMessageForm(forms.ModelForm):
    """Subject, body and channel, and who gets it: filters, or champions picked by hand."""

    chosen = ChosenChampions()
    token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This form has expired: start the message again.",
            "invalid": "This form has expired: start the message again.",
        },
    )

    class Meta:
        model = GroupMessage
        fields = [
            "subject",
            "body",
            "channel",
            "area",
            "stage",
            "training_module",
            "training_state",
            "event",
            "event_state",
        ]
        labels = {
            "area": "Ward",
            "training_module": "Training module",
            "training_state": "Training is",
            "event": "Event",
            "event_state": "On the event",
        }
        widgets = {"channel": forms.RadioSelect, "body": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "subject": {"required": "Enter a subject."},
            "body": {"required": "Write the message."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = self.fields["event"].queryset.order_by("-starts_at")
        self.fields["area"].empty_label = "Every ward"
        self.fields["stage"].choices = [("", "Every stage"), *self.fields["stage"].choices[1:]]

    def clean_subject(self):
        subject = self.cleaned_data["subject"].strip()
        if not subject:
            raise forms.ValidationError("Enter a subject.")
        return subject

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write the message.")
        unknown = sorted(set(re.findall(r"\{(\w*)\}", body)) - set(PLACEHOLDERS))
        if unknown:
            names = ", ".join("{" + name + "}" for name in unknown)
            known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
            raise forms.ValidationError(f"Unknown placeholder {names}: use only {known}.")
        return body

    def clean(self):
        cleaned = super().clean()
        self._clean_pairs(cleaned)
        chosen = cleaned.get("chosen")
        filtered = any(cleaned.get(name) for name in FILTERS)
        if chosen and filtered:
            self.add_error(
                None, "Send either to the champions picked by hand or by filters, not both."
            )
        elif not chosen and not filtered and "chosen" not in self.errors:
            self.add_error(
                None,
                "Choose who gets it: a ward, stage, training module or event, or pick "
                "champions on the champions listing.",
            )
        body = cleaned.get("body", "")
        if not cleaned.get("event") and any("{" + p + "}" in body for p in EVENT_PLACEHOLDERS):
            self.add_error("body", "{event_date} and {event_place} need an event: choose one.")
        if cleaned.get("channel") == GroupMessage.ChannelChoice.SMS and (
            sms_parts(body)[0] > SMS_MOST
        ):
            self.add_error("body", f"A text message can be at most {SMS_MOST} characters.")
        return cleaned

    def _clean_pairs(self, cleaned):
        if cleaned.get("training_module") and not cleaned.get("training_state"):
            self.add_error("training_state", "Choose in date or expired.")
        if cleaned.get("training_state") and not cleaned.get("training_module"):
            self.add_error("training_module", "Choose the training module.")
        if cleaned.get("event") and not cleaned.get("event_state"):
            self.add_error("event_state", "Choose booked, waiting list or attended.")
        if cleaned.get("event_state") and not cleaned.get("event"):
            self.add_error("event", "Choose the event.")
