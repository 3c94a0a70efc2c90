from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


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

    panels = [FieldPanel("expense_claim_ceiling"), FieldPanel("receipt_required_from")]

    class Meta:
        verbose_name = "champions settings"
