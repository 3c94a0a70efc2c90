"""Reads for expense claims, each in a fixed number of queries."""

from django.db.models import Q, QuerySet, Sum

from ..choices import ExpenseStatus
from ..models import Champion, ExpenseClaim
from ..money import to_money


def expense_claims_for(champion: Champion) -> QuerySet:
    """A champion's claims, newest first, with the activity each was for."""
    return champion.expense_claims.select_related("activity").order_by("-date", "-pk")


def expense_claims_totals(champion: Champion) -> dict:
    """Sums of a champion's claims waiting for review, approved (to be paid) and paid, in pence.

    SQLite sums a DecimalField as a float (21.4000000000000); every total is rounded to pence.
    """
    totals = champion.expense_claims.aggregate(
        submitted=Sum("amount", filter=Q(status=ExpenseStatus.SUBMITTED)),
        approved=Sum("amount", filter=Q(status=ExpenseStatus.APPROVED)),
        paid=Sum("amount", filter=Q(status=ExpenseStatus.PAID)),
    )
    return {key: to_money(value) for key, value in totals.items()}


def expense_claims_review_queue(queryset: QuerySet | None = None) -> QuerySet:
    """Expense claims with what the staff listing shows, oldest submission first."""
    queryset = ExpenseClaim.objects.all() if queryset is None else queryset
    return queryset.select_related(
        "champion__user", "champion__area", "activity", "reviewed_by"
    ).order_by("created_at", "pk")
