"""Money as people read it: "£21.40"."""

from decimal import Decimal


def format_money(amount: Decimal | None) -> str:
    """£ with two decimal places and thousands separated: Decimal("1234.5") -> "£1,234.50"."""
    if amount is None:
        return ""
    return f"£{Decimal(amount):,.2f}"
