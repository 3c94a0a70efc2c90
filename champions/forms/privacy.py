"""The confirmation a champion gives before their details are erased."""

from django import forms


class EraseConfirmForm(forms.Form):
    """Confirms a champion's request to have their personal details erased."""

    confirm = forms.BooleanField(
        label="I understand that my details will be removed, my account closed and my "
        "bookings cancelled, and that this cannot be undone.",
        error_messages={"required": "Tick the box to confirm you want your details removed."},
    )


class StaffEraseForm(forms.Form):
    """A coordinator erases a champion's personal details, saying why."""

    reason = forms.CharField(
        label="Why are you erasing this champion's details?",
        help_text="For example: “Asked by phone on 3 March”. Do not include their name or "
        "contact details: the reason is kept in the audit log.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why you are erasing this champion's details."},
    )
    confirm = forms.BooleanField(
        label="I understand that their details, stories and photos will be removed, their "
        "account closed and their bookings cancelled, and that this cannot be undone.",
        error_messages={"required": "Tick the box to confirm the erasure."},
    )
