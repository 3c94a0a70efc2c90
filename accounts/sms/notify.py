from django.conf import settings
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from .base import SendFailure, SmsBackend


class NotifySmsBackend(SmsBackend):
    """GOV.UK Notify: one SMS template whose text is `((body))`, the outbox key as reference.

    Notify answers 400 for a number it cannot send to (permanent), 403 for a bad key
    (permanent: nothing retried until fixed), 429 and 5xx when busy or down (temporary).
    https://docs.notifications.service.gov.uk/python.html#send-a-text-message
    """

    def __init__(self):
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=10
        )

    def send(self, *, to: str, body: str, reference: str) -> str:
        try:
            answer = self.client.send_sms_notification(
                phone_number=to,
                template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": body},
                reference=reference,
            )
        except APIError as error:
            code = error.status_code
            permanent = 400 <= code < 500 and code != 429
            raise SendFailure(
                f"Notify {code}: {_reason(error.message)}", permanent=permanent
            ) from error
        return answer["id"]


def _reason(message) -> str:
    if isinstance(message, list):  # Notify's [{"error": ..., "message": ...}]
        return "; ".join(str(item.get("message", item)) for item in message)
    return str(message)
