"""Money is written "£21.40" everywhere: totals, claims, e-mails and the admin review page."""

import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import OutboxMessage
from champions.choices import ConsentKind, ExpenseStatus
from champions.models import ExpenseClaim
from champions.money import format_money
from champions.selectors.expenses import expense_claims_totals
from champions.services.expenses import expense_claim_reject
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ConsentFactory, ExpenseClaimFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("21.4"), "£21.40"),
        (21.4000000000000, "£21.40"),
        ("76.15", "£76.15"),
        (Decimal("1250"), "£1,250.00"),
        (Decimal("0.005"), "£0.01"),
        (None, "£0.00"),
        (Decimal("-3.4"), "-£3.40"),
    ],
)
def test_format_money_writes_pounds_with_two_decimal_places(value, shown):
    assert format_money(value) == shown


def test_the_money_filter_uses_format_money():
    rendered = Template("{% load money %}{{ amount|money }}").render(
        Context({"amount": Decimal("21.4")})
    )
    assert rendered == "£21.40"


def test_totals_are_rounded_to_pence(champion):
    for amount in ("10.20", "11.20", "0.10"):
        ExpenseClaimFactory(champion=champion, amount=Decimal(amount))
    ExpenseClaimFactory(champion=champion, amount=Decimal("76.15"), paid=True)
    totals = expense_claims_totals(champion)
    assert totals == {
        "submitted": Decimal("21.50"),
        "approved": Decimal("0.00"),
        "paid": Decimal("76.15"),
    }
    assert str(totals["submitted"]) == "21.50"


def test_my_expenses_shows_totals_and_claims_as_pounds_and_pence(champion_client, champion):
    ExpenseClaimFactory(champion=champion, amount=Decimal("10.20"))
    ExpenseClaimFactory(champion=champion, amount=Decimal("11.20"))
    ExpenseClaimFactory(champion=champion, amount=Decimal("76.15"), paid=True)
    page = champion_client.get(reverse("activity:expenses")).content.decode()
    assert "<dd>£21.40</dd>" in page
    assert "<dd>£76.15</dd>" in page
    assert "<dd>£0.00</dd>" in page
    assert ": £10.20</a>" in page
    assert "00000" not in page


def test_a_claim_page_and_the_review_page_show_pounds_and_pence(champion_client, champion, client):
    claim = ExpenseClaimFactory(champion=champion, amount=Decimal("3.4"))
    page = champion_client.get(reverse("activity:expense_detail", args=[claim.pk]))
    assert ": £3.40</h1>" in page.content.decode()
    client.force_login(CoordinatorFactory())
    review = client.get(reverse("champions_expenseclaim:review", args=[claim.pk]))
    assert "<dd>£3.40</dd>" in review.content.decode()
    assert str(claim) == f"Travel, £3.40 on {claim.date:%-d %b %Y}"


def test_the_decision_e_mail_shows_pounds_and_pence(champion):
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    claim = ExpenseClaimFactory(champion=champion, amount=Decimal("3.4"))
    expense_claim_reject(claim=claim, by=CoordinatorFactory(), reason="Not for a session.")
    assert ExpenseClaim.objects.get().status == ExpenseStatus.REJECTED
    body = OutboxMessage.objects.get().body
    assert "Your expense claim of £3.40 for travel" in body


def test_the_staff_listing_and_xlsx_export_show_pounds_and_pence(client):
    ExpenseClaimFactory(amount=Decimal("21.4"), status=ExpenseStatus.APPROVED)
    client.force_login(CoordinatorFactory())
    claims = reverse("champions_expenseclaim:index")
    assert "£21.40" in client.get(claims, {"status": "approved"}).content.decode()
    response = client.get(claims, {"status": "approved", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    amount = sheet[2][headings.index("Amount (GBP)")]
    assert amount.value == 21.4  # a number finance can add up, shown as money
    assert amount.number_format == '"£"#,##0.00'
