from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from champions.models import Area, Champion, TrainingModule

from .choices import Audience, EventKind, EventStatus, RegistrationStatus


class Event(models.Model):
    """Something champions (and sometimes the public) take part in: a meeting, session or stall."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    accessibility_notes = models.TextField(blank=True)
    online_link = models.URLField(blank=True)
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Blank: unlimited.")
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.CHAMPIONS)
    description = models.TextField(blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    cancellation_reason = models.TextField(blank=True)
    children_welcome = models.BooleanField(default=False)
    creche = models.BooleanField(default=False)
    step_free_access = models.BooleanField(default=False)
    refreshments = models.BooleanField(default=False)
    requires_dbs = models.BooleanField("requires a current DBS check", default=False)
    training_module = models.ForeignKey(
        TrainingModule,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text="For a training session: the module it teaches.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%-d %b %Y})"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The event must end after it starts."})
        if self.kind == EventKind.TRAINING and not self.training_module_id:
            raise ValidationError({"training_module": "Choose the module this session teaches."})
        if self.status == EventStatus.CANCELLED and not self.cancellation_reason.strip():
            raise ValidationError({"cancellation_reason": "Give a reason for cancelling."})


class Registration(models.Model):
    """A champion's booking on an event, or their place on its waiting list."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(
        max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.BOOKED
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "champion"], name="one_registration_each"),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.champion} on {self.event} ({self.get_status_display()})"
