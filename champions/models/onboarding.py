from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import CheckKind, CheckStatus, ConsentKind, SupervisionKind
from .profile import Champion


class OnboardingCheck(models.Model):
    """One pre-activation check (DBS, references, agreement, ID) for a champion."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="checks")
    kind = models.CharField(max_length=30, choices=CheckKind.choices)
    status = models.CharField(
        max_length=20, choices=CheckStatus.choices, default=CheckStatus.PENDING
    )
    completed_on = models.DateField(
        null=True, blank=True, help_text="For a DBS check: the certificate's issue date."
    )
    renewal_due_on = models.DateField(
        null=True, blank=True, help_text="When the check must be renewed (DBS checks)."
    )
    # Only the last four digits of a DBS certificate number are ever stored.
    certificate_last4 = models.CharField(max_length=4, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    notes = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["champion", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["champion", "kind"], name="one_check_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.champion}"

    @property
    def certificate_masked(self):
        return f"•••• {self.certificate_last4}" if self.certificate_last4 else ""

    def is_in_date(self, today):
        """Complete, and not past its renewal date (if it has one)."""
        return self.status == CheckStatus.COMPLETE and (
            self.renewal_due_on is None or self.renewal_due_on >= today
        )


class Consent(models.Model):
    """A consent a champion gave, with its wording version; the latest row per kind is current."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=20, choices=ConsentKind.choices)
    given_at = models.DateTimeField(default=timezone.now)
    wording_version = models.CharField(max_length=20)
    expires_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["champion", "kind", "-given_at", "-pk"]
        indexes = [models.Index(fields=["champion", "kind", "-given_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.champion})"

    def is_current(self, now=None):
        now = now or timezone.now()
        return self.withdrawn_at is None and (self.expires_at is None or self.expires_at > now)


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
