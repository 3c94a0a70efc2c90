from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models.fields import optional_link

from ..choices import CheckKind, CheckStatus
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
    recorded_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    notes = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["champion", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["champion", "kind"], name="one_check_per_kind"),
        ]
        # DBS renewals overdue or due soon (the admin home) are a few of every champion's
        # checks: found by renewal date, not by reading the table.
        indexes = [
            models.Index(
                fields=["renewal_due_on"],
                condition=models.Q(kind=CheckKind.DBS, status=CheckStatus.COMPLETE),
                name="dbs_complete_renewal",
            )
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
