from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import MilestoneKind
from .profile import Champion


class Milestone(models.Model):
    """An hours milestone or service anniversary a champion reached: recorded once, kept even
    if an approval is later reversed, so it is never announced twice."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=20, choices=MilestoneKind.choices)
    value = models.PositiveIntegerField(help_text="Hours, or years of service.")
    reached_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-reached_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["champion", "kind", "value"], name="milestone_once")
        ]

    def __str__(self):
        if self.kind == MilestoneKind.HOURS:
            return f"{self.value} hours volunteered"
        return f"{self.value} year{'s' if self.value != 1 else ''} as a champion"


class Commendation(models.Model):
    """A coordinator's short thank-you for a specific contribution. The champion sees it on
    their dashboard and chooses whether it may appear, with their first name, on their
    public stories."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="commendations")
    contribution = models.CharField(
        max_length=200, help_text="What it is for, e.g. “Speaking at the health visiting forum”."
    )
    text = models.TextField("thank-you", max_length=1000)
    written_on = models.DateField(default=timezone.localdate)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    public = models.BooleanField(
        "shown on my public stories",
        default=False,
        editable=False,
        help_text="The champion's own choice, made on their dashboard.",
    )

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return f"Thank you for {self.contribution}"
