from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import Channel, OutboxStatus
from .fields import optional_link


class OutboxMessage(models.Model):
    """A message the site sends once: written with the change that caused it, then delivered.

    `key` names what the message is about (e.g. "events.registration.12.reminder"), so the
    same message is never queued twice; services/outbox.py writes and delivers rows. A row goes
    queued -> sending -> sent (-> delivered, when the provider says so), or back to queued with
    `next_attempt_at` after a temporary failure, or to failed (permanent failure, or too many
    attempts) or withheld (no consent or opted out when it was due to be sent).
    """

    key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    user = optional_link(settings.AUTH_USER_MODEL, related_name="outbox_messages")
    # An e-mail address, or a mobile number in E.164 for text messages.
    address = models.CharField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    # Text attachments (calendar files): [{"filename": ..., "content": ..., "mimetype": ...}].
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # When a worker took the row to send it: a row "sending" for too long was lost by a worker.
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The id of the task that took it: only a redelivery of that same task may take it again.
    claimed_by = models.CharField(max_length=64, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # The last error, or the provider's reason for a failure or a withheld message.
    last_error = models.TextField(blank=True)
    # The provider's id for the message (GOV.UK Notify), matched by delivery receipts.
    provider_id = models.CharField(max_length=100, blank=True, db_index=True)
    # A consent kind the recipient must still hold when the message is sent (blank: none).
    consent = models.CharField(max_length=30, blank=True)
    # What the message belongs to, e.g. "champions.group_message.4" (blank: nothing).
    batch = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"]),
        ]

    def __str__(self):
        return f"{self.subject} to {self.address} ({self.get_status_display()})"
