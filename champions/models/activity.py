from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone

from accounts.models.fields import optional_link

from ..choices import ActivityKind, ActivityStatus
from ..validators import validate_not_in_future
from .factors import ProtectiveFactor
from .profile import Champion

MAX_HOURS_PER_ENTRY = Decimal(12)
MAX_HOURS_PER_DAY = Decimal(16)


def format_hours(value) -> str:
    """1.50 -> "1.5", 2.00 -> "2": how people write hours."""
    if value is None:
        return ""
    text = f"{Decimal(value).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ActivityLog(models.Model):
    """What a champion did on one day and for how long; approved hours are what count."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="activity_logs")
    date = models.DateField()
    kind = models.CharField("type of activity", max_length=20, choices=ActivityKind.choices)
    hours = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        help_text="In quarter hours: 0.25 is 15 minutes, 1.5 is an hour and a half.",
    )
    event = optional_link("events.Event", related_name="activity_logs")
    people_reached = models.PositiveIntegerField(
        null=True, blank=True, help_text="Roughly how many parents or carers you spoke to."
    )
    description = models.TextField("what you did")
    protective_factors = models.ManyToManyField(
        ProtectiveFactor, through="ActivityFactor", blank=True, related_name="activity_logs"
    )
    status = models.CharField(
        max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.SUBMITTED
    )
    staff_message = models.TextField(
        blank=True, help_text="The question (if queried) or the reason (if not approved)."
    )
    champion_reply = models.TextField("your answer", blank=True)
    reviewed_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    submission_key = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="The form's one-time key: the same form sent twice records one entry.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "activity log"
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["champion", "date"]),
            models.Index(fields=["status", "created_at"]),
            # The funder reports read a period of approved hours by the champion's ward:
            # an index-only scan of the approved logs' dates (PostgreSQL keeps the columns).
            models.Index(
                fields=["date"],
                include=["id", "champion", "hours"],
                condition=Q(status=ActivityStatus.APPROVED),
                name="activity_approved_by_date",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS_PER_ENTRY),
                name="activity_hours_in_range",
            ),
            models.UniqueConstraint(
                fields=["champion", "submission_key"], name="activity_submitted_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.date:%-d %b %Y} ({format_hours(self.hours)} h)"

    @property
    def hours_display(self) -> str:
        return format_hours(self.hours)

    @property
    def protective_factor_labels(self) -> list[str]:
        """Reads prefetched `protective_factors` (selectors prefetch them for lists)."""
        return [factor.label for factor in self.protective_factors.all()]

    # The status the database held when the log was read (None for a new log): a save can
    # tell that a log stopped being approved (cms retires its cached impact figures).
    status_when_loaded = None

    @classmethod
    def from_db(cls, db, field_names, values):
        log = super().from_db(db, field_names, values)
        log.status_when_loaded = log.__dict__.get("status")
        return log

    @property
    def is_open(self) -> bool:
        """The champion may still change or withdraw it: not yet approved or turned down."""
        return self.status in (ActivityStatus.SUBMITTED, ActivityStatus.QUERIED)

    def clean(self):
        errors = {}
        if self.hours is not None:
            if self.hours <= 0:
                errors["hours"] = "Enter the time you spent: at least a quarter of an hour (0.25)."
            elif self.hours > MAX_HOURS_PER_ENTRY:
                errors["hours"] = (
                    "One entry can be at most 12 hours. "
                    "Log a longer activity as one entry for each day."
                )
            elif (self.hours * 4) % 1:
                errors["hours"] = (
                    "Enter hours in quarter hours, for example 0.75 for 45 minutes "
                    "or 1.5 for an hour and a half."
                )
        try:
            validate_not_in_future(self.date)
        except ValidationError as error:
            errors["date"] = error.messages
        if errors:
            raise ValidationError(errors)
        if self.champion_id and self.date and self.hours:
            others = (
                ActivityLog.objects.filter(champion_id=self.champion_id, date=self.date)
                .exclude(pk=self.pk)
                .exclude(status=ActivityStatus.REJECTED)
                .aggregate(total=Sum("hours"))["total"]
            ) or Decimal(0)
            if others + self.hours > MAX_HOURS_PER_DAY:
                raise ValidationError(
                    {
                        "hours": (
                            f"You have already logged {format_hours(others)} hours on "
                            f"{self.date:%-d %B %Y}. No more than 16 hours can be logged "
                            "for one day."
                        )
                    }
                )


class ActivityFactor(models.Model):
    """One protective factor an activity touched: a row each, so reports can filter and count."""

    activity = models.ForeignKey(ActivityLog, on_delete=models.CASCADE, related_name="factors")
    # The column keeps its name and holds the factor's code, as before factors were rows.
    factor = models.ForeignKey(
        ProtectiveFactor, on_delete=models.PROTECT, db_column="factor", related_name="+"
    )

    class Meta:
        # By the raw ids: ordering by the relations would join and sort by their own ordering.
        ordering = ["activity_id", "factor_id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "factor"], name="one_row_per_factor"),
        ]

    def __str__(self):
        return str(self.factor)
