"""Forms for activity logs and expense claims: champions' own, and staff review and payment."""

import datetime

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from .activity_selectors import champion_booked_events
from .activity_services import activity_factors_set
from .choices import ActivityKind, ActivityStatus, ExpenseCategory, ProtectiveFactor
from .models import ActivityLog, ExpenseClaim

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _factors_field():
    return forms.MultipleChoiceField(
        label="Protective factors it helped with",
        choices=ProtectiveFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick any that apply.",
    )


class ActivityLogForm(forms.ModelForm):
    """A champion's own entry: the four required fields first, so it takes under a minute."""

    protective_factors = _factors_field()

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
        self.fields["event"].queryset = champion_booked_events(champion)
        self.fields["event"].empty_label = "Not linked to an event"
        self.fields["event"].label = "Event (if it was one)"
        if self.instance.pk:
            self.initial.setdefault("protective_factors", self.instance.protective_factors)
        if self.instance.status == ActivityStatus.QUERIED:
            self.fields["champion_reply"].required = True
            self.fields["champion_reply"].label = "Your answer to the question"
        else:
            del self.fields["champion_reply"]

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ExpenseClaimForm(forms.ModelForm):
    """A champion's own claim; the receipt is required when it is first sent."""

    class Meta:
        model = ExpenseClaim
        fields = ["date", "category", "amount", "description", "activity", "receipt"]
        widgets = {
            "date": DATE_INPUT,
            "category": forms.RadioSelect,
            "amount": forms.NumberInput(
                attrs={"step": "0.01", "min": "0.01", "inputmode": "decimal"}
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
            "receipt": forms.FileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
        }
        labels = {"amount": "Amount in pounds (£)", "category": "What it was for"}
        error_messages = {
            "date": {"required": "Enter the date you spent the money."},
            "category": {"required": "Choose what the money was for."},
            "amount": {"required": "Enter the amount."},
            "description": {"required": "Say briefly what the cost was."},
        }

    def __init__(self, *args, champion, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.champion = champion
        self.fields["category"].choices = ExpenseCategory.choices
        since = timezone.localdate() - datetime.timedelta(days=180)
        self.fields["activity"].queryset = champion.activity_logs.filter(date__gte=since)
        self.fields["activity"].empty_label = "Not linked to an activity"
        self.fields["activity"].required = False
        receipt = self.fields["receipt"]
        receipt.required = self.instance.pk is None or not self.instance.receipt
        receipt.error_messages["required"] = "Add a photo or PDF of your receipt."
        if self.instance.pk and self.instance.receipt:
            receipt.help_text = "Leave empty to keep the receipt you sent. " + receipt.help_text

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        if data.get("receipt") and getattr(data["receipt"], "_committed", False):
            data["receipt"] = None  # unchanged: keep the stored file
        return data


class ReviewForm(forms.Form):
    """Staff's decision on one entry: a question or a refusal needs a message."""

    DECISIONS = [("approve", "Approve"), ("query", "Ask a question"), ("reject", "Do not approve")]
    decision = forms.ChoiceField(choices=DECISIONS, widget=forms.RadioSelect)
    message = forms.CharField(
        label="Message to the champion",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required to ask a question or not approve. The champion sees it and is "
        "e-mailed (if they agreed to e-mail).",
    )

    def __init__(self, *args, allow_query=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_query:
            self.fields["decision"].choices = [c for c in self.DECISIONS if c[0] != "query"]

    def clean(self):
        cleaned = super().clean()
        needs_message = cleaned.get("decision") in ("query", "reject")
        if needs_message and not cleaned.get("message", "").strip():
            self.add_error("message", "Write a message for the champion.")
        return cleaned


class MarkPaidForm(forms.Form):
    """Payment details for approved claims marked paid together."""

    paid_on = forms.DateField(label="Payment date", initial=timezone.localdate, widget=DATE_INPUT)
    reference = forms.CharField(label="Payment reference", max_length=100)

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError("The payment date cannot be in the future.")
        return paid_on


class ActivityLogAdminForm(WagtailAdminModelForm):
    """Staff entry of a log (any past date); status changes only through the review actions."""

    protective_factors = _factors_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("protective_factors", self.instance.protective_factors)

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            activity_factors_set(log=instance, factors=self.cleaned_data["protective_factors"])
        return instance


class ExpenseClaimAdminForm(WagtailAdminModelForm):
    """Staff entry of a claim; the receipt is never linked to a public URL."""

    class Meta:
        widgets = {
            "receipt": forms.FileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})
        }
