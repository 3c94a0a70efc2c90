from django.db import models
from django.utils import timezone

from ..choices import AttendeeRole
from .events import Event


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
