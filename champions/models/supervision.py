import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import SupervisionKind
from .profile import Champion
from .settings import ChampionsSettings


class SupervisionNote(models.Model):
    """A dated note from a coordinator's supervision of a champion; staff only."""

    champion = models.ForeignKey(
        Champion, on_delete=models.CASCADE, related_name="supervision_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_on = models.DateField(default=timezone.localdate)
    kind = models.CharField(max_length=20, choices=SupervisionKind.choices)
    note = models.TextField()
    next_on = models.DateField(
        "next supervision",
        null=True,
        blank=True,
        help_text="Left empty: the weeks between supervisions in Settings after this one.",
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} with {self.champion} on {self.held_on}"

    def save(self, *args, **kwargs):
        if self.next_on is None:
            weeks = ChampionsSettings.load().supervision_interval_weeks
            self.next_on = self.held_on + datetime.timedelta(weeks=weeks)
        super().save(*args, **kwargs)

    @property
    def champion_reflection(self) -> str:
        """The champion's own reflection, for their coordinator's listing."""
        reflection = getattr(self, "reflection", None)
        if reflection is None:
            return ""
        return " / ".join(t for t in (reflection.went_well, reflection.needs) if t)

    champion_reflection.fget.short_description = "champion's reflection"


class SupervisionReflection(models.Model):
    """The champion's own short reflection after a supervision: what went well, what they need.
    Their coordinator sees it; other champions never do. The coordinator's note stays staff-only.
    """

    supervision = models.OneToOneField(
        SupervisionNote, on_delete=models.CASCADE, related_name="reflection"
    )
    went_well = models.TextField("what went well", max_length=2000, blank=True)
    needs = models.TextField("what I need", max_length=2000, blank=True)
    written_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Reflection on {self.supervision}"
