from django.db import models
from django.utils import timezone

from ..choices import ReminderKind
from .profile import Champion


class RenewalReminder(models.Model):
    """A renewal reminder e-mail already sent, so that each item and threshold is sent once.

    `item_id` is the DBS check's or training record's id; `due_on` is part of the key so that a
    renewed check or completion (new due date) gets its own reminders.
    """

    champion = models.ForeignKey(
        Champion, on_delete=models.CASCADE, related_name="renewal_reminders"
    )
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    item_id = models.PositiveBigIntegerField()
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "item_id", "due_on", "days_before"],
                name="one_reminder_per_item_and_threshold",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder ({self.days_before} days) to {self.champion}"
