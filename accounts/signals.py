"""Signals the accounts app sends; the champions app answers them (accounts is the lowest app)."""

from django.dispatch import Signal

# Sent when a text message arrives from a phone (a reply through GOV.UK Notify): champions
# treats "STOP" as withdrawing consent to be texted.
sms_received = Signal()  # kwargs: number (E.164), text
