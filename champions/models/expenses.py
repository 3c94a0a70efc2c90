from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.models.fields import optional_link

from ..choices import ExpenseCategory, ExpenseStatus
from ..money import format_money
from ..uploads import private_storage, receipt_upload_to, validate_receipt
from ..validators import validate_not_in_future
from .activity import ActivityLog
from .profile import Champion
from .settings import ChampionsSettings


class ExpenseClaim(models.Model):
    """Money a champion spent to volunteer (travel, childcare, food), approved then paid."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="expense_claims")
    date = models.DateField("date of the expense")
    category = models.CharField(max_length=20, choices=ExpenseCategory.choices)
    amount = models.DecimalField("amount (£)", max_digits=8, decimal_places=2)
    description = models.TextField("what it was for")
    activity = optional_link(
        ActivityLog, related_name="expense_claims", help_text="The activity this cost was for."
    )
    receipt = models.FileField(
        storage=private_storage,
        upload_to=receipt_upload_to,
        validators=[validate_receipt],
        blank=True,
        max_length=200,
        help_text="A photo (JPEG or PNG) or a PDF, at most 5 MB.",
    )
    declared_without_receipt = models.BooleanField(
        "declaration instead of a receipt",
        default=False,
        help_text="The champion signed the declaration (champions.wording.NO_RECEIPT_DECLARATION)"
        " because a claim this small needs no receipt.",
    )
    status = models.CharField(
        max_length=20, choices=ExpenseStatus.choices, default=ExpenseStatus.SUBMITTED
    )
    staff_message = models.TextField(blank=True, help_text="The reason, if not approved.")
    reviewed_by = optional_link(settings.AUTH_USER_MODEL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    payment_reference = models.CharField(max_length=100, blank=True)
    submission_key = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="The form's one-time key: the same form sent twice records one entry.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["champion", "date"]),
            models.Index(fields=["status", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive"),
            models.UniqueConstraint(
                fields=["champion", "submission_key"], name="expense_submitted_once"
            ),
        ]

    def __str__(self):
        return (
            f"{self.get_category_display()}, {format_money(self.amount)} on {self.date:%-d %b %Y}"
        )

    @staticmethod
    def receipt_needed_for(amount) -> bool:
        """Whether a claim of `amount` needs a receipt (ChampionsSettings.receipt_required_from);
        a smaller one may be sent with the declaration instead."""
        return amount >= ChampionsSettings.load().receipt_required_from

    @property
    def is_open(self) -> bool:
        return self.status == ExpenseStatus.SUBMITTED

    def clean(self):
        errors = {}
        ceiling = ChampionsSettings.load().expense_claim_ceiling
        if self.amount is not None:
            if self.amount <= 0:
                errors["amount"] = "Enter an amount of more than £0."
            elif self.amount > ceiling:
                errors["amount"] = (
                    f"One claim can be at most {format_money(ceiling)}. "
                    "For more, talk to your coordinator first."
                )
        try:
            validate_not_in_future(self.date)
        except ValidationError as error:
            errors["date"] = error.messages
        if self.activity_id and self.champion_id and self.activity.champion_id != self.champion_id:
            errors["activity"] = "Choose one of your own activities."
        if errors:
            raise ValidationError(errors)
