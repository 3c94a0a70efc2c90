"""Writes for events as staff run them: cancelling one (everyone booked is told)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import audit
from ..choices import EventStatus
from ..models import Event
from .notices import event_notify_cancelled


@transaction.atomic
def event_cancel(*, event: Event, reason: str, by, now: datetime.datetime | None = None) -> Event:
    """Cancel an event with a reason; everyone booked or waiting is told by e-mail."""
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason: it is sent to everyone booked."})
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError("This event is already cancelled.")
    if event.ends_at <= now:
        raise ValidationError("This event has already taken place.")
    event.status = EventStatus.CANCELLED
    event.cancellation_reason = reason
    event.cancelled_at = now
    event.save(update_fields=["status", "cancellation_reason", "cancelled_at"])
    log(instance=event, action=audit.CANCEL, user=by, data={"reason": reason})
    event_notify_cancelled(event=event)
    return event
