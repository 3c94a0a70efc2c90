"""A champion claims expenses with a receipt, sees their totals, and only they see the receipt."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from champions.choices import ExpenseStatus
from champions.models import ChampionsSettings, ExpenseClaim
from champions.uploads import private_storage
from tests.factories.champions import (
    ActivityLogFactory,
    ExpenseClaimFactory,
)
from tests.factories.files import pdf_bytes, png_bytes, png_upload, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

CREATE = reverse("activity:expense_create")


def form_data(**overrides):
    data = {
        "date": "2026-03-17",
        "category": "childcare",
        "amount": "18.50",
        "description": "Childminder for two hours during the consultation",
        "activity": "",
        "receipt": png_upload(),
    }
    data.update(overrides)
    return data


def test_a_claim_with_a_receipt_is_saved_in_private_storage(champion_client, champion):
    response = champion_client.post(CREATE, form_data(), follow=True)
    assert "Thank you. Your claim is sent and waiting for review." in response.content.decode()
    claim = ExpenseClaim.objects.get()
    assert claim.champion == champion
    assert claim.amount == Decimal("18.50")
    assert claim.status == ExpenseStatus.SUBMITTED
    name = claim.receipt.name  # on local disk or in a bucket, whichever the settings choose
    assert claim.receipt.storage is private_storage()
    assert private_storage().exists(name)
    assert not default_storage.exists(name)
    assert name.endswith(".png")
    assert "receipt" not in name.rsplit("/", 1)[-1]  # the champion's own file name is not kept


def test_the_receipt_is_never_served_from_a_public_url(champion_client, client):
    champion_client.post(CREATE, form_data())
    claim = ExpenseClaim.objects.get()
    public = settings.MEDIA_URL + claim.receipt.name
    assert champion_client.get(public).status_code == 404
    page = champion_client.get(reverse("activity:expense_detail", args=[claim.pk]))
    assert settings.MEDIA_URL not in page.content.decode()


def test_the_owner_downloads_their_receipt(champion_client):
    champion_client.post(CREATE, form_data(receipt=upload(pdf_bytes(), "t.pdf", "application/pdf")))
    claim = ExpenseClaim.objects.get()
    response = champion_client.get(reverse("activity:expense_receipt", args=[claim.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="receipt-{claim.pk}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_claim_can_be_added_for_an_activity_from_its_page(champion_client, champion):
    log = ActivityLogFactory(champion=champion, date=datetime.date(2026, 3, 12))
    response = champion_client.get(f"{CREATE}?activity={log.pk}")
    assert response.context["form"].initial == {"date": log.date, "activity": log.pk}
    champion_client.post(CREATE, form_data(activity=str(log.pk)))
    assert ExpenseClaim.objects.get().activity == log


def test_another_champions_activity_cannot_be_linked(champion_client):
    other = ActivityLogFactory()
    assert champion_client.get(f"{CREATE}?activity={other.pk}").status_code == 404
    response = champion_client.post(CREATE, form_data(activity=str(other.pk)))
    assert response.context["form"].errors["activity"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"amount": "0"}, "amount", "Enter an amount of more than £0."),
        ({"amount": "-3"}, "amount", "Enter an amount of more than £0."),
        (
            {"amount": "150.01"},
            "amount",
            "One claim can be at most £150.00. For more, talk to your coordinator first.",
        ),
        ({"amount": "12.345"}, "amount", "Ensure that there are no more than 2 decimal places."),
        ({"amount": ""}, "amount", "Enter the amount."),
        ({"date": "2026-03-19"}, "date", "The date cannot be in the future."),
        ({"category": ""}, "category", "Choose what the money was for."),
        (
            {"receipt": ""},
            "receipt",
            "A claim of £10.00 or more needs a receipt. Add a photo or PDF of your receipt.",
        ),
        (
            {"receipt": upload(b"<html><body>hi</body></html>", "receipt.png")},
            "receipt",
            "The receipt must be a photo (JPEG or PNG) or a PDF.",
        ),
    ],
)
def test_each_claim_rule_refuses_with_a_clear_message_and_keeps_the_input(
    champion_client, overrides, field, message
):
    data = form_data(**overrides)
    response = champion_client.post(CREATE, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field] == [message]
    assert form["description"].value() == data["description"]
    assert form["amount"].value() == data["amount"]
    assert not ExpenseClaim.objects.exists()


def test_the_ceiling_comes_from_the_wagtail_setting(champion_client):
    ChampionsSettings.objects.create(expense_claim_ceiling=Decimal("40.00"))
    response = champion_client.post(CREATE, form_data(amount="40.01"))
    assert response.context["form"].errors["amount"] == [
        "One claim can be at most £40.00. For more, talk to your coordinator first."
    ]


def test_my_expenses_shows_totals_by_status(champion_client, champion):
    ExpenseClaimFactory(champion=champion, amount=Decimal("10.00"))
    ExpenseClaimFactory(champion=champion, amount=Decimal("5.25"), status=ExpenseStatus.APPROVED)
    ExpenseClaimFactory(champion=champion, amount=Decimal("7.75"), status=ExpenseStatus.PAID)
    ExpenseClaimFactory(champion=champion, amount=Decimal("99"), status=ExpenseStatus.REJECTED)
    ExpenseClaimFactory(amount=Decimal("50"))  # someone else's
    response = champion_client.get(reverse("activity:expenses"))
    assert response.context["totals"] == {
        "submitted": Decimal("10.00"),
        "approved": Decimal("5.25"),
        "paid": Decimal("7.75"),
    }
    assert len(response.context["page"].object_list) == 4


def test_editing_a_claim_keeps_the_receipt_unless_a_new_one_is_sent(champion_client):
    champion_client.post(CREATE, form_data())
    claim = ExpenseClaim.objects.get()
    first = claim.receipt.name
    edit = reverse("activity:expense_edit", args=[claim.pk])
    assert champion_client.post(edit, form_data(amount="20", receipt="")).status_code == 302
    claim.refresh_from_db()
    assert claim.amount == 20
    assert claim.receipt.name == first
    replacement = upload(png_bytes(size=(90, 90)), "new.png")
    champion_client.post(edit, form_data(receipt=replacement))
    claim.refresh_from_db()
    assert claim.receipt.name != first


def test_a_claim_is_withdrawn_with_its_receipt(champion_client, django_capture_on_commit_callbacks):
    champion_client.post(CREATE, form_data())
    claim = ExpenseClaim.objects.get()
    name = claim.receipt.name
    assert private_storage().exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = champion_client.post(reverse("activity:expense_withdraw", args=[claim.pk]))
    assert response.status_code == 302
    assert not ExpenseClaim.objects.exists()
    assert not private_storage().exists(name)


@pytest.mark.parametrize("status", [ExpenseStatus.APPROVED, ExpenseStatus.PAID])
def test_a_reviewed_claim_cannot_be_changed(champion_client, champion, status):
    claim = ExpenseClaimFactory(champion=champion, status=status, amount=Decimal("9"))
    champion_client.post(reverse("activity:expense_edit", args=[claim.pk]), form_data(amount="90"))
    champion_client.post(reverse("activity:expense_withdraw", args=[claim.pk]))
    claim.refresh_from_db()
    assert claim.amount == Decimal("9")
