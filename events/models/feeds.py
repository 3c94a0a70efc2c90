from django.db import models
from django.utils import timezone

from champions.models import Champion


class CalendarFeed(models.Model):
    """The secret token behind a champion's private calendar feed of their bookings."""

    champion = models.OneToOneField(
        Champion, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed for {self.champion}"
