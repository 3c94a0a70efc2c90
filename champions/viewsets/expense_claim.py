"""Expense claims in the admin: the review queue, payment and the finance export."""

from django.urls import path
from wagtail.admin.panels import ObjectList

from accounts.columns import TextColumn

from ..choices import ExpenseCategory, ExpenseStatus
from ..forms.expenses import ExpenseClaimAdminForm
from ..forms.reviews import MarkPaidForm
from ..models import ExpenseClaim
from ..money import format_money
from ..selectors.expenses import expense_claims_review_queue
from ..services.expenses import expense_claims_approve, expense_claims_mark_paid
from ..views.admin.reviews import expense_receipt
from .champion_chooser import form_panels
from .reviews import (
    ApproveBulkAction,
    ReviewBulkAction,
    ReviewIndexView,
    ReviewViewSet,
    entry_columns,
    review_filterset,
)

ExpenseClaimFilterSet = review_filterset(
    ExpenseClaim,
    statuses=ExpenseStatus.choices,
    type_field="category",
    types=ExpenseCategory.choices,
)


class ExpenseClaimIndexView(ReviewIndexView):
    selector = staticmethod(expense_claims_review_queue)
    extra_columns = entry_columns(
        TextColumn("amount", label="Amount", accessor=lambda claim: format_money(claim.amount))
    )
    money_fields = ("amount",)


class ExpenseClaimViewSet(ReviewViewSet):
    """Expense claims: the review queue, payment and the finance export."""

    model = ExpenseClaim
    icon = "form"
    menu_label = "Expense claims"
    index_view_class = ExpenseClaimIndexView
    filterset_class = ExpenseClaimFilterSet
    search_fields = ["description", "payment_reference", "champion__preferred_name"]
    list_export = [
        "pk",
        "champion.display_name",
        "champion.user.email",
        "champion.area",
        "date",
        "get_category_display",
        "amount",
        "description",
        "get_status_display",
        "reviewed_by",
        "reviewed_at",
        "paid_on",
        "payment_reference",
    ]
    export_headings = {
        "pk": "Claim",
        "champion.display_name": "Champion",
        "champion.user.email": "E-mail",
        "champion.area": "Ward",
        "get_category_display": "Category",
        "amount": "Amount (GBP)",
        "get_status_display": "Status",
    }
    export_filename = "expense-claims"
    edit_handler = ObjectList(
        form_panels(ExpenseClaimAdminForm),
        base_form_class=ExpenseClaimAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("receipt/<int:pk>/", expense_receipt, name="receipt"),
        ]


class ApproveExpenseBulkAction(ApproveBulkAction):
    aria_label = "Approve the selected expense claims"
    models = [ExpenseClaim]
    filterset_class = ExpenseClaimFilterSet
    actionable_status = (ExpenseStatus.SUBMITTED,)
    done_message = "expense claim(s) approved"
    extras = {"question": "Approve these expense claims?", "button": "Yes, approve"}
    approve = staticmethod(lambda objects, user: expense_claims_approve(claims=objects, by=user))


class MarkPaidBulkAction(ReviewBulkAction):
    display_name = "Mark paid"
    action_type = "mark_paid"
    aria_label = "Mark the selected approved claims as paid"
    models = [ExpenseClaim]
    form_class = MarkPaidForm
    filterset_class = ExpenseClaimFilterSet
    actionable_status = (ExpenseStatus.APPROVED,)
    done_message = "expense claim(s) marked paid"
    action_priority = 110
    extras = {"question": "Mark these approved claims paid?", "button": "Mark paid"}

    def get_execution_context(self):
        return {**super().get_execution_context(), **self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(cls, objects, user=None, paid_on=None, reference="", **kwargs):
        count = expense_claims_mark_paid(
            claims=objects, by=user, paid_on=paid_on, reference=reference
        )
        return count, 0
