from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import SupervisionKind
from .profile import Champion


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

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} with {self.champion} on {self.held_on}"
