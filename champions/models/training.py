from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from accounts.models.fields import optional_link

from ..choices import TrainingCategory, TrainingStatus


class TrainingModule(models.Model):
    """A module in the training catalogue; required ones gate activation."""

    title = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    category = models.CharField(max_length=30, choices=TrainingCategory.choices)
    hours = models.DecimalField(
        max_digits=5, decimal_places=2, validators=[MinValueValidator(0)], default=0
    )
    required_for_activation = models.BooleanField(default=False)
    validity_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How long a completion stays valid; blank: never expires."
    )
    display_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["display_order", "title"]

    def __str__(self):
        return self.title

    def expiry_for(self, completed_on):
        if completed_on is None or not self.validity_months:
            return None
        return completed_on + relativedelta(months=self.validity_months)


class TrainingRecord(models.Model):
    """A champion's progress through one module; a completion past its expiry counts as expired."""

    # By name: the champion's profile reads its training records (profile imports this module).
    champion = models.ForeignKey(
        "champions.Champion", on_delete=models.CASCADE, related_name="training_records"
    )
    module = models.ForeignKey(TrainingModule, on_delete=models.PROTECT, related_name="records")
    status = models.CharField(
        max_length=20, choices=TrainingStatus.choices, default=TrainingStatus.ENROLLED
    )
    completed_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True, editable=False)
    verified_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    # Set when a training session's register marked the module attended, so that unmarking the
    # champion there undoes exactly what the mark did (blank status: the mark created the record).
    attendance_event = optional_link("events.Event", related_name="+", editable=False)
    status_before_attendance = models.CharField(
        max_length=20, choices=TrainingStatus.choices, blank=True, editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["module__display_order", "module__title"]
        constraints = [
            models.UniqueConstraint(fields=["champion", "module"], name="one_record_per_module"),
        ]
        # Expired and expiring completions (the admin home, the nightly expiry job) are a few
        # of 200,000 records: found by status and expiry date, not by reading the table.
        indexes = [models.Index(fields=["status", "expires_on"], name="training_status_expiry")]

    def __str__(self):
        return f"{self.module} for {self.champion}"

    def save(self, *args, **kwargs):
        self.expires_on = self.module.expiry_for(self.completed_on)
        super().save(*args, **kwargs)

    def effective_status(self, today=None):
        """The status as everyone should see it: a lapsed completion is expired."""
        today = today or timezone.localdate()
        if self.status == TrainingStatus.COMPLETED and self.expires_on and self.expires_on < today:
            return TrainingStatus.EXPIRED
        return TrainingStatus(self.status)

    def is_valid(self, today=None):
        return self.effective_status(today) == TrainingStatus.COMPLETED


@dataclass(frozen=True)
class Progress:
    """Training progress: required modules currently valid out of required modules."""

    valid: int
    required: int

    @property
    def percent(self) -> int:
        return round(100 * self.valid / self.required) if self.required else 100

    def __str__(self):
        return f"{self.valid} of {self.required}"


def training_progress(records, *, required: int, today) -> Progress:
    """The one rule for progress, from a champion's training records (with modules loaded)."""
    valid = sum(1 for r in records if r.module.required_for_activation and r.is_valid(today))
    return Progress(valid=valid, required=required)
