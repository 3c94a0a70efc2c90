"""Staff's review forms: the decision on one entry, and payment of approved claims."""

from django import forms
from django.utils import timezone

from ..validators import validate_not_in_future
from .fields import DATE_INPUT


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
        validate_not_in_future(paid_on, what="The payment date")
        return paid_on
