"""Text messages: one small backend interface, chosen by settings.SMS_BACKEND.

`console` (the default, for `make run`) prints each message like Django's console e-mail
backend; `notify` sends through GOV.UK Notify. A backend's `send()` returns the provider's id
for the message, or raises `SendFailure` (temporary: try again later; permanent: give up).
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import SendFailure, SmsBackend

__all__ = ["SendFailure", "SmsBackend", "get_backend"]


def get_backend() -> SmsBackend:
    """The configured backend (a new instance: backends hold no state between messages)."""
    return import_string(settings.SMS_BACKEND)()
