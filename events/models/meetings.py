from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from champions.models import ProtectiveFactor

from ..choices import OPEN_ACTION_STATUSES, RECORDED_KINDS, ActionStatus
from .events import Event


class MeetingRecord(ClusterableModel):
    """What happened at a co-production meeting, focus group or mapping session: agenda, parent
    voice, decisions and actions, each kept in order."""

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
                {
                    "event": "Only co-production meetings, focus groups and mapping sessions "
                    "keep a record."
                }
            )


class ParentVoiceItem(ClusterableModel, Orderable):
    """One point parents raised at a meeting, focus group or mapping session, with its theme
    and how many raised it; co-production outcomes link to it by its id."""

    record = ParentalKey(MeetingRecord, on_delete=models.CASCADE, related_name="parent_voice_items")
    text = models.CharField("what parents said", max_length=500)
    theme = models.CharField(max_length=100, blank=True, help_text="e.g. “Clinic times”.")
    parents_count = models.PositiveIntegerField("parents who raised it", null=True, blank=True)
    quote = models.CharField(
        max_length=300, blank=True, help_text="Optional: a parent's words, without any names."
    )
    protective_factors = ParentalManyToManyField(
        ProtectiveFactor,
        blank=True,
        related_name="parent_voice_items",
        help_text="Optional: the factors this touches.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "parent voice item"

    def __str__(self):
        return Truncator(self.text).chars(80)

    def protective_factor_labels(self):
        return [factor.label for factor in self.protective_factors.all()]


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
        # Open actions by due date (the admin home's overdue list, longest overdue first).
        indexes = [
            models.Index(
                fields=["due_on", "id"],
                condition=models.Q(status__in=OPEN_ACTION_STATUSES),
                name="meetingaction_open_due",
            )
        ]

    def __str__(self):
        return Truncator(self.what).chars(80)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return (
            self.status in OPEN_ACTION_STATUSES and self.due_on is not None and self.due_on < today
        )
