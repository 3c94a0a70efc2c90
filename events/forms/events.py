"""The staff form for cancelling an event."""

from django import forms


class CancelEventForm(forms.Form):
    """Why the event is cancelled: sent to everyone booked or waiting."""

    reason = forms.CharField(
        label="Why is the event cancelled?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Sent by e-mail to everyone booked or on the waiting list.",
        max_length=2000,
    )
