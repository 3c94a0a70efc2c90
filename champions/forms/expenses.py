"""Expense claim forms: a champion's own claim and staff entry in the admin."""

import datetime

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from ..choices import ExpenseCategory
from ..models import ChampionsSettings, ExpenseClaim
from ..money import format_money
from ..wording import NO_RECEIPT_DECLARATION
from .fields import DATE_INPUT, submission_key_field

RECEIPT_INPUT = forms.FileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})


class ExpenseClaimForm(forms.ModelForm):
    """A champion's own claim: with a receipt from the programme's threshold up (£10 unless
    staff change it), below it a receipt or the declaration."""

    declaration = forms.BooleanField(label=NO_RECEIPT_DECLARATION, required=False)

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
        self.threshold = format_money(ChampionsSettings.load().receipt_required_from)
        receipt = self.fields["receipt"]
        receipt.required = False
        receipt.help_text = f"Needed for a claim of {self.threshold} or more. {receipt.help_text}"
        if self.instance.pk and self.instance.receipt:
            receipt.help_text = "Leave empty to keep the receipt you sent. " + receipt.help_text
        declaration = self.fields["declaration"]
        declaration.initial = self.instance.declared_without_receipt
        declaration.help_text = (
            f"For a claim under {self.threshold} with no receipt: tick this instead of adding one."
        )

    def clean(self):
        cleaned = super().clean()
        amount, receipt = cleaned.get("amount"), cleaned.get("receipt")
        if amount is None or receipt or "receipt" in self.errors:
            return cleaned
        if ExpenseClaim.receipt_needed_for(amount):
            self.add_error(
                "receipt",
                f"A claim of {self.threshold} or more needs a receipt. "
                "Add a photo or PDF of your receipt.",
            )
        elif not cleaned.get("declaration"):
            self.add_error(
                "declaration",
                f"For a claim under {self.threshold}, add a photo or PDF of your receipt "
                "or tick the declaration.",
            )
        return cleaned

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        declaration = data.pop("declaration", False)
        if data.get("receipt") and getattr(data["receipt"], "_committed", False):
            data["receipt"] = None  # unchanged: keep the stored file
        data["declared_without_receipt"] = bool(declaration and not self.cleaned_data["receipt"])
        return data


class ExpenseClaimAdminForm(WagtailAdminModelForm):
    """Staff entry of a claim; the receipt is never linked to a public URL."""

    class Meta:
        # In the order of the admin's panels (viewsets/expense_claim.py).
        fields = ["champion", "date", "category", "amount", "description", "receipt"]
        widgets = {"receipt": RECEIPT_INPUT}
