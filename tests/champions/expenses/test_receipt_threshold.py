"""Receipts are needed from the programme's threshold (£10 unless staff change it); below it a
champion may sign the declaration instead."""

from decimal import Decimal

import pytest
from django.urls import reverse

from champions.models import ChampionsSettings, ExpenseClaim
from champions.wording import NO_RECEIPT_DECLARATION
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ExpenseClaimFactory
from tests.factories.files import png_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

CREATE = reverse("activity:expense_create")


def form_data(**overrides):
    data = {
        "date": "2026-03-17",
        "category": "travel",
        "amount": "3.40",
        "description": "Bus fare to the children's centre",
        "activity": "",
        "receipt": "",
    }
    data.update(overrides)
    return data


def test_the_form_shows_the_threshold_and_the_declaration(champion_client):
    html = champion_client.get(CREATE).content.decode()
    assert NO_RECEIPT_DECLARATION in html
    assert "Needed for a claim of £10.00 or more." in html
    assert "For a claim under £10.00 with no receipt: tick this instead of adding one." in html


def test_a_bus_fare_under_the_threshold_is_sent_with_the_declaration(champion_client, champion):
    response = champion_client.post(CREATE, form_data(declaration="on"), follow=True)
    assert "Thank you. Your claim is sent and waiting for review." in response.content.decode()
    claim = ExpenseClaim.objects.get()
    assert claim.amount == Decimal("3.40") and not claim.receipt
    assert claim.declared_without_receipt
    assert "None: you signed the declaration instead" in response.content.decode()


def test_under_the_threshold_without_receipt_or_declaration_is_refused(champion_client):
    response = champion_client.post(CREATE, form_data())
    assert response.status_code == 200
    assert response.context["form"].errors["declaration"] == [
        "For a claim under £10.00, add a photo or PDF of your receipt or tick the declaration."
    ]
    assert not ExpenseClaim.objects.exists()


@pytest.mark.parametrize("amount", ["10.00", "10.01", "18.50"])
def test_from_the_threshold_up_the_declaration_is_not_enough(champion_client, amount):
    response = champion_client.post(CREATE, form_data(amount=amount, declaration="on"))
    assert response.context["form"].errors["receipt"] == [
        "A claim of £10.00 or more needs a receipt. Add a photo or PDF of your receipt."
    ]
    assert not ExpenseClaim.objects.exists()


def test_a_receipt_under_the_threshold_needs_no_declaration(champion_client):
    champion_client.post(CREATE, form_data(receipt=png_upload()))
    claim = ExpenseClaim.objects.get()
    assert claim.receipt and not claim.declared_without_receipt


def test_the_threshold_is_a_programme_setting(champion_client):
    ChampionsSettings.objects.create(receipt_required_from=Decimal("5.00"))
    response = champion_client.post(CREATE, form_data(amount="5.00", declaration="on"))
    assert response.context["form"].errors["receipt"] == [
        "A claim of £5.00 or more needs a receipt. Add a photo or PDF of your receipt."
    ]
    champion_client.post(CREATE, form_data(amount="4.99", declaration="on"))
    assert ExpenseClaim.objects.get().declared_without_receipt


def test_staff_see_that_the_champion_declared_instead(client):
    claim = ExpenseClaimFactory(amount=Decimal("3.40"), declared_without_receipt=True)
    client.force_login(CoordinatorFactory())
    html = client.get(reverse("champions_expenseclaim:review", args=[claim.pk])).content.decode()
    assert "None: the champion signed the declaration" in html
