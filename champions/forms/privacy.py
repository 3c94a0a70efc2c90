"""The confirmation a champion gives before their details are erased."""

from django import forms


class EraseConfirmForm(forms.Form):
    """Confirms a champion's request to have their personal details erased."""

    confirm = forms.BooleanField(
        label="I understand that my details will be removed, my account closed and my "
        "bookings cancelled, and that this cannot be undone.",
        error_messages={"required": "Tick the box to confirm you want your details removed."},
    )
