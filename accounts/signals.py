"""Signals the accounts app sends; the champions app answers them (accounts is the lowest app)."""

from django.dispatch import Signal

# Sent from the sign-up form once the new user is saved: champions creates their profile.
user_signed_up = Signal()  # kwargs: user, preferred_name

# Sent when a text message arrives from a phone (a reply through GOV.UK Notify): champions
# treats "STOP" as withdrawing consent to be texted.
sms_received = Signal()  # kwargs: number (E.164), text
