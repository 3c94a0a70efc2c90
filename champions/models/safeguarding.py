from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import ConcernStatus
from .profile import Champion

SAFEGUARDING_LEADS = "Safeguarding leads"


def is_safeguarding_lead(user) -> bool:
    """Whether the user is an active member of the "Safeguarding leads" group.

    Kept on the user object, like Django's own permission cache: every admin page asks it
    several times (menu, permission policy), and the user is loaded afresh for each request."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_is_safeguarding_lead"):
        user._is_safeguarding_lead = user.groups.filter(name=SAFEGUARDING_LEADS).exists()
    return user._is_safeguarding_lead


class PolicyConfirmation(models.Model):
    """A champion's confirmation that they read one version of the safeguarding policy."""

    champion = models.ForeignKey(
        Champion, on_delete=models.CASCADE, related_name="policy_confirmations"
    )
    version = models.CharField(max_length=40)
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["champion", "version"], name="one_confirmation_per_policy_version"
            )
        ]

    def __str__(self):
        return f"{self.champion} read safeguarding policy {self.version}"


class SafeguardingConcern(models.Model):
    """A safeguarding concern raised by or about a champion's work. Only the "Safeguarding
    leads" group sees these; every view and change is audited."""

    champion = models.ForeignKey(
        Champion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_on = models.DateField(default=timezone.localdate)
    raised_by = models.CharField(max_length=200, help_text="Who raised it (name and role).")
    concern = models.TextField()
    action_taken = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=ConcernStatus.choices, default=ConcernStatus.OPEN
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-raised_on", "-pk"]

    def __str__(self):
        return f"Concern of {self.raised_on:%-d %b %Y}"
