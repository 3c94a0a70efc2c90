"""What GOV.UK Notify tells us back: delivery receipts and text messages champions send."""

from django.db import transaction
from django.utils import timezone

from ..choices import OutboxStatus
from ..models import OutboxMessage
from ..signals import sms_received

# Notify's final statuses for a text message and what they mean for the champion's record.
# https://docs.notifications.service.gov.uk/python.html#status-text-message
FAILURES = {
    "permanent-failure": "The number does not exist or cannot receive text messages.",
    "temporary-failure": "The phone was off or could not receive messages for 72 hours.",
    "technical-failure": "Notify could not send the message (a technical failure).",
}


@transaction.atomic
def outbox_receipt_record(*, provider_id: str, reference: str, status: str) -> bool:
    """Record a delivery receipt on the message it is about; True if one was updated.

    Receipts for unknown messages, and statuses that are not final, change nothing.
    """
    message = (
        OutboxMessage.objects.select_for_update()
        .filter(provider_id=provider_id, status__in=[OutboxStatus.SENT, OutboxStatus.DELIVERED])
        .first()
    )
    if message is None or (reference and reference != message.key):
        return False
    if status == "delivered":
        message.status, message.delivered_at = OutboxStatus.DELIVERED, timezone.now()
    elif status in FAILURES:
        message.status, message.last_error = OutboxStatus.FAILED, f"{status}: {FAILURES[status]}"
    else:
        return False
    message.save(update_fields=["status", "delivered_at", "last_error"])
    return True


def sms_reply_receive(*, number: str, text: str) -> None:
    """A text message someone sent to the programme's number; champions answers STOP."""
    sms_received.send(sender=OutboxMessage, number=number, text=text)
