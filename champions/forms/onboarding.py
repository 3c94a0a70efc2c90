"""The staff form for an onboarding check (DBS certificate numbers are never stored whole)."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms.models import WagtailAdminModelForm

from ..choices import CheckKind
from ..models import OnboardingCheck
from ..validators import dbs_certificate_last4


class OnboardingCheckForm(WagtailAdminModelForm):
    """Takes the full DBS certificate number but stores only its last four digits."""

    certificate_number = forms.CharField(
        label="DBS certificate number",
        required=False,
        help_text="Enter the full 12-digit number to check it; only the last 4 digits are kept.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    class Meta:
        model = OnboardingCheck
        fields = ["champion", "kind", "status", "completed_on", "renewal_due_on", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.certificate_last4:
            self.fields["certificate_number"].help_text = (
                f"On file: {self.instance.certificate_masked}. Enter a new full number to "
                "replace it; leave blank to keep it."
            )

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("certificate_number", "").strip()
        kind = cleaned.get("kind")
        if number:
            if kind != CheckKind.DBS:
                self.add_error("certificate_number", "Only a DBS check has a certificate number.")
            else:
                try:
                    cleaned["certificate_last4"] = dbs_certificate_last4(number)
                except ValidationError as e:
                    self.add_error("certificate_number", e)
        if kind == CheckKind.DBS and cleaned.get("status") == "complete":
            if not cleaned.get("completed_on"):
                self.add_error("completed_on", "Enter the DBS certificate's issue date.")
            if not cleaned.get("renewal_due_on"):
                self.add_error("renewal_due_on", "Enter when the DBS check must be renewed.")
        completed, renewal = cleaned.get("completed_on"), cleaned.get("renewal_due_on")
        if completed and renewal and renewal <= completed:
            self.add_error("renewal_due_on", "The renewal date must be after the issue date.")
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("certificate_last4"):
            self.instance.certificate_last4 = self.cleaned_data["certificate_last4"]
        return super().save(commit=commit)
