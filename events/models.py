from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from champions.choices import ProtectiveFactor
from champions.models import Area, Champion, TrainingModule

from .choices import (
    OPEN_ACTION_STATUSES,
    RECORDED_KINDS,
    ActionStatus,
    AttendeeRole,
    Audience,
    EventKind,
    EventStatus,
    NoticeKind,
    RegistrationStatus,
)
from .fields import ChoiceListField


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
    invited = models.ManyToManyField(
        Champion,
        blank=True,
        related_name="event_invitations",
        help_text="For an invited-only event: the champions who may book it.",
    )
    description = models.TextField(blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
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
    training_module = models.ForeignKey(
        TrainingModule,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text="For a training session: the module it teaches.",
    )
    families_reached = models.PositiveIntegerField(null=True, blank=True)
    children_reached = models.PositiveIntegerField(null=True, blank=True)
    attendance_taken_at = models.DateTimeField(null=True, blank=True, editable=False)
    attendance_taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
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
        """Places still free; needs `booked_count` annotated (selectors.with_booked_count)."""
        return self.places_left(self.booked_count)


class Registration(models.Model):
    """A champion's booking on an event, or their place on its waiting list, and attendance."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(
        max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.BOOKED
    )
    # The waiting list is served in order of created_at; re-joining puts a champion at the back.
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True, help_text="Blank: not recorded yet.")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "champion"], name="one_registration_each"),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.champion} on {self.event} ({self.get_status_display()})"

    @property
    def is_booked(self):
        return self.status == RegistrationStatus.BOOKED

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITING


class WalkIn(models.Model):
    """Someone at an event who did not book: a parent, a partner, a researcher, a decision maker."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="walk_ins")
    name = models.CharField(max_length=150, blank=True, help_text="Optional.")
    organisation = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, choices=AttendeeRole.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "walk-in attendee"

    def __str__(self):
        who = self.name or "Unnamed"
        org = f", {self.organisation}" if self.organisation else ""
        return f"{who} ({self.get_role_display()}{org})"


class Notice(models.Model):
    """An e-mail sent about a registration; the unique constraint makes every job send once."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    # Distinguishes repeats of a kind that may legitimately happen again (a second promotion).
    key = models.CharField(max_length=40, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "key"], name="one_notice_of_each_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.registration.champion_id}"


class CalendarFeed(models.Model):
    """The secret token behind a champion's private calendar feed of their bookings."""

    champion = models.OneToOneField(
        Champion, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed for {self.champion}"


class CoordinatorDigest(models.Model):
    """Records the weekly digest sent to a coordinator, so that a week's is sent only once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_starting = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "week_starting"], name="one_digest_a_week"),
        ]

    def __str__(self):
        return f"Digest for week of {self.week_starting}"


class MeetingRecord(ClusterableModel):
    """What happened at a co-production meeting or focus group: agenda, parent voice, decisions
    and actions, each kept in order."""

    event = models.OneToOneField(
        Event,
        on_delete=models.CASCADE,
        related_name="meeting_record",
        limit_choices_to={"kind__in": RECORDED_KINDS},
    )
    agenda = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-event__starts_at"]

    def __str__(self):
        return f"Record of {self.event}"

    def clean(self):
        if self.event_id and self.event.kind not in RECORDED_KINDS:
            raise ValidationError(
                {"event": "Only co-production meetings and focus groups keep a meeting record."}
            )


class ParentVoiceItem(Orderable):
    """One point parents raised at a meeting; co-production outcomes link to it by its id."""

    record = ParentalKey(MeetingRecord, on_delete=models.CASCADE, related_name="parent_voice_items")
    text = models.CharField("what parents said", max_length=500)
    protective_factors = ChoiceListField(
        item_choices=ProtectiveFactor.choices, help_text="Optional: the factors this touches."
    )

    class Meta(Orderable.Meta):
        verbose_name = "parent voice item"

    def __str__(self):
        return Truncator(self.text).chars(80)

    def protective_factor_labels(self):
        return self._meta.get_field("protective_factors").labels(self.protective_factors)


class Decision(Orderable):
    """A decision taken at a meeting."""

    record = ParentalKey(MeetingRecord, on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField("decision", max_length=500)

    def __str__(self):
        return Truncator(self.text).chars(80)


class MeetingActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)


class MeetingAction(Orderable):
    """Something someone agreed to do at a meeting, with an owner, a due date and a status."""

    record = ParentalKey(MeetingRecord, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(max_length=300)
    owner = models.CharField(max_length=150, help_text="A person or organisation.")
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    objects = MeetingActionQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = "action"

    def __str__(self):
        return Truncator(self.what).chars(80)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return (
            self.status in OPEN_ACTION_STATUSES and self.due_on is not None and self.due_on < today
        )
