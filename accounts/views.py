"""GOV.UK Notify's callbacks: delivery receipts and received text messages.

Notify sends JSON with `Authorization: Bearer <token>`, the token set in Notify's callback
settings and in NOTIFY_CALLBACK_TOKEN here; without that token configured nothing is accepted.
https://docs.notifications.service.gov.uk/python.html#callbacks
"""

import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .phone import phone_e164
from .services.sms import outbox_receipt_record, sms_reply_receive


def _authorised(request) -> bool:
    expected = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(expected) and hmac.compare_digest(given.encode(), f"Bearer {expected}".encode())


def _payload(request) -> dict | None:
    try:
        data = json.loads(request.body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


@csrf_exempt
@require_POST
def notify_receipt(request):
    """A delivery receipt: the message is marked delivered, or failed with Notify's reason."""
    if not _authorised(request):
        return HttpResponseForbidden("Wrong or missing bearer token.")
    data = _payload(request)
    if data is None or not data.get("id") or not data.get("status"):
        return HttpResponseBadRequest("Expected JSON with id and status.")
    outbox_receipt_record(
        provider_id=str(data["id"]),
        reference=str(data.get("reference") or ""),
        status=data["status"],
    )
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def notify_reply(request):
    """A text message received from a phone (STOP opts its champion out of texts)."""
    if not _authorised(request):
        return HttpResponseForbidden("Wrong or missing bearer token.")
    data = _payload(request)
    if data is None or not data.get("source_number"):
        return HttpResponseBadRequest("Expected JSON with source_number and message.")
    try:
        number = phone_e164(str(data["source_number"]))
    except Exception:  # a number we could never have texted: nothing to do
        return HttpResponse(status=204)
    sms_reply_receive(number=number, text=str(data.get("message", "")))
    return HttpResponse(status=204)
