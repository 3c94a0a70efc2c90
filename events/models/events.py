from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from accounts.models.fields import optional_link
from champions.models import Area, Champion, TrainingModule

from ..choices import RECORDED_KINDS, Audience, EventKind, EventStatus


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
    area = optional_link(Area, related_name="events", verbose_name="ward")
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Blank: unlimited.")
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.CHAMPIONS)
    invited = models.ManyToManyField(
        Champion,
        blank=True,
        related_name="event_invitations",
        help_text="For an invited-only event: the champions who may book it.",
    )
    description = models.TextField(blank=True)
    organiser = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    status = models.CharField(
        max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    cancellation_reason = models.TextField(blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    children_welcome = models.BooleanField(default=False)
    creche = models.BooleanField(default=False)
    step_free_access = models.BooleanField(default=False)
    refreshments = models.BooleanField(default=False)
    requires_dbs = models.BooleanField("requires a current DBS check", default=False)
    training_module = optional_link(
        TrainingModule,
        related_name="sessions",
        help_text="For a training session: the module it teaches.",
    )
    families_reached = models.PositiveIntegerField(null=True, blank=True)
    children_reached = models.PositiveIntegerField(null=True, blank=True)
    attendance_taken_at = models.DateTimeField(null=True, blank=True, editable=False)
    attendance_taken_by = optional_link(settings.AUTH_USER_MODEL, related_name="+", editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            # Registers still to take: a handful of 50,000 events, found without reading them.
            models.Index(
                fields=["ends_at"],
                condition=models.Q(attendance_taken_at__isnull=True),
                name="event_register_not_taken",
            ),
        ]
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
        if not (self.venue_name.strip() or self.online_link):
            raise ValidationError({"venue_name": "Give a venue or an online link."})

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def keeps_meeting_record(self):
        return self.kind in RECORDED_KINDS

    @property
    def ical_uid(self):
        return f"event-{self.pk}@parent-champions"

    def has_started(self, now=None):
        return (now or timezone.now()) >= self.starts_at

    def places_left(self, booked: int):
        """Places still free given `booked` bookings; None when capacity is unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - booked, 0)

    @property
    def places_remaining(self):
        """Places still free; needs `booked_count` annotated (events_with_booked_count)."""
        return self.places_left(self.booked_count)
