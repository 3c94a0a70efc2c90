"""Amounts of money as the programme writes them: pounds with two decimal places ("£21.40")."""

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def to_money(value) -> Decimal:
    """`value` (a Decimal, or the float or string a database sum may give) rounded to pence."""
    if value is None or value == "":
        return Decimal("0.00")
    return Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_UP)


def format_money(value) -> str:
    """ "£21.40", "£1,250.00", "-£3.40": thousands separated, always two decimal places."""
    amount = to_money(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"
