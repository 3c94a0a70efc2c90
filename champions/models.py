from django.conf import settings
from django.db import models
from django.utils import timezone

from .choices import Stage


class Champion(models.Model):
    """A parent volunteer's profile, tied one-to-one to their user account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion"
    )
    preferred_name = models.CharField(max_length=80)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.ENQUIRY)
    joined_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["preferred_name"]

    def __str__(self):
        return self.preferred_name
