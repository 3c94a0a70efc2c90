from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import Channel, OutboxStatus
from .fields import optional_link


class OutboxMessage(models.Model):
    """A message the site sends once: written with the change that caused it, then delivered.

    `key` names what the message is about (e.g. "events.registration.12.reminder"), so the
    same message is never queued twice; services/outbox.py writes and delivers rows.
    """

    key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    user = optional_link(settings.AUTH_USER_MODEL, related_name="outbox_messages")
    address = models.CharField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    # Text attachments (calendar files): [{"filename": ..., "content": ..., "mimetype": ...}].
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.subject} to {self.address} ({self.get_status_display()})"
