"""Expense claim forms: a champion's own claim and staff entry in the admin."""

import datetime

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from ..choices import ExpenseCategory
from ..models import ExpenseClaim
from .fields import DATE_INPUT, submission_key_field

RECEIPT_INPUT = forms.FileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})


class ExpenseClaimForm(forms.ModelForm):
    """A champion's own claim; the receipt is required when it is first sent."""

    submission_key = submission_key_field()

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
            "receipt": RECEIPT_INPUT,
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
        if self.instance.pk:
            del self.fields["submission_key"]  # an edit changes the claim it is about
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


class ExpenseClaimAdminForm(WagtailAdminModelForm):
    """Staff entry of a claim; the receipt is never linked to a public URL."""

    class Meta:
        # In the order of the admin's panels (viewsets/expense_claim.py).
        fields = ["champion", "date", "category", "amount", "description", "receipt"]
        widgets = {"receipt": RECEIPT_INPUT}
