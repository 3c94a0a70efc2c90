from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models.fields import optional_link

from ..choices import Stage
from .profile import Area, Champion
from .training import TrainingModule


class GroupMessage(models.Model):
    """A message a coordinator sends to a group of champions chosen by filters (or by hand).

    Each recipient's copy is an outbox row whose `batch` is `outbox_batch`; the rows carry the
    per-recipient status (queued, sent, delivered, failed with the provider's reason).
    """

    class ChannelChoice(models.TextChoices):
        EMAIL = "email", "E-mail"
        SMS = "sms", "Text message"
        PREFERRED = "preferred", "Each person's preferred channel"

    class TrainingState(models.TextChoices):
        IN_DATE = "in_date", "Completed and in date"
        EXPIRED = "expired", "Expired"

    class EventState(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        ATTENDED = "attended", "Attended"

    subject = models.CharField(max_length=150, help_text="The e-mail subject (texts have none).")
    body = models.TextField(
        help_text="Placeholders: {first_name} (the champion's first name); with an event "
        "filter, {event_date} and {event_place} (the event's date and time, and its venue).",
    )
    channel = models.CharField(
        max_length=10, choices=ChannelChoice.choices, default=ChannelChoice.PREFERRED
    )
    area = optional_link(Area, related_name="+", verbose_name="ward")
    stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    training_module = optional_link(TrainingModule, related_name="+")
    training_state = models.CharField(max_length=10, choices=TrainingState.choices, blank=True)
    # A link by name, not an import: champions sits below events.
    event = optional_link("events.Event", related_name="+")
    event_state = models.CharField(max_length=10, choices=EventState.choices, blank=True)
    # Hand-picked from the champions listing; when set, the filters above do not apply.
    chosen = models.ManyToManyField(Champion, blank=True, related_name="+")
    created_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The compose form's token: confirming the same form twice finds this message again.
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("send_groupmessage", "Can send a group message to champions")]

    def __str__(self):
        return self.subject

    @property
    def outbox_batch(self) -> str:
        return f"champions.group_message.{self.pk}"
