from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def validate_hours_list(value: str) -> None:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts or not all(p.isdigit() and int(p) > 0 for p in parts):
        raise ValidationError("Give whole numbers of hours separated by commas, e.g. 10,25,50.")


@register_setting(icon="group")
class ChampionsSettings(BaseGenericSetting):
    """Rules for champions that programme staff change in Settings, without a deploy."""

    expense_claim_ceiling = models.DecimalField(
        "largest single expense claim (£)",
        max_digits=8,
        decimal_places=2,
        default=Decimal("150.00"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="A champion cannot claim more than this at once; larger costs are agreed "
        "with a coordinator first.",
    )

    receipt_required_from = models.DecimalField(
        "receipts needed from (£)",
        max_digits=8,
        decimal_places=2,
        default=Decimal("10.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text="A claim of this amount or more needs a receipt; for a smaller claim a "
        "champion may sign a declaration instead. £0.00: every claim needs a receipt.",
    )

    enquiry_contact_days = models.PositiveSmallIntegerField(
        "days to first contact",
        default=5,
        validators=[MinValueValidator(1)],
        help_text="A new enquiry is promised contact within this many days, and flagged "
        "for staff when nobody has been in touch by then.",
    )
    supervision_interval_weeks = models.PositiveSmallIntegerField(
        "weeks between supervisions",
        default=8,
        validators=[MinValueValidator(1)],
        help_text="The next supervision is proposed this many weeks after each one.",
    )

    safeguarding_policy = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Champions are asked to confirm they have read it.",
    )
    safeguarding_policy_version = models.CharField(
        max_length=40,
        blank=True,
        help_text="Change it when the policy changes: every champion is asked to read it again.",
    )

    milestone_hours = models.CharField(
        "hours milestones",
        max_length=200,
        default="10,25,50,100,250",
        validators=[validate_hours_list],
        help_text="Approved hours that are celebrated, separated by commas.",
    )

    panels = [
        FieldPanel("expense_claim_ceiling"),
        FieldPanel("receipt_required_from"),
        FieldPanel("milestone_hours"),
        FieldPanel("safeguarding_policy"),
        FieldPanel("safeguarding_policy_version"),
        FieldPanel("enquiry_contact_days"),
        FieldPanel("supervision_interval_weeks"),
    ]

    class Meta:
        verbose_name = "champions settings"

    @property
    def milestone_hours_list(self) -> list[int]:
        return sorted({int(p) for p in self.milestone_hours.split(",") if p.strip().isdigit()})
