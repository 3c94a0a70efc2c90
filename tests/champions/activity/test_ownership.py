"""A champion cannot see, change, withdraw or download another champion's entries."""

import pytest
from django.urls import reverse

from champions.models import ActivityLog, ExpenseClaim
from tests.factories.champions import ActivityLogFactory, ExpenseClaimFactory
from tests.factories.files import png_upload

pytestmark = pytest.mark.django_db

ACTIVITY_URLS = ["activity:detail", "activity:edit", "activity:withdraw"]
EXPENSE_URLS = [
    "activity:expense_detail",
    "activity:expense_edit",
    "activity:expense_withdraw",
    "activity:expense_receipt",
]


@pytest.mark.parametrize("name", ACTIVITY_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_champions_activity_is_404(champion_client, name, method):
    other = ActivityLogFactory(description="Someone else's entry")
    response = getattr(champion_client, method)(reverse(name, args=[other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.description == "Someone else's entry"


@pytest.mark.parametrize("name", EXPENSE_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_champions_claim_is_404(champion_client, name, method):
    other = ExpenseClaimFactory(receipt=png_upload())
    response = getattr(champion_client, method)(reverse(name, args=[other.pk]))
    assert response.status_code == 404
    assert ExpenseClaim.objects.filter(pk=other.pk).exists()


def test_every_id_but_their_own_is_404(champion_client, champion):
    mine = ActivityLogFactory(champion=champion)
    others = ActivityLogFactory.create_batch(3)
    for log in ActivityLog.objects.all():
        expected = 200 if log == mine else 404
        assert champion_client.get(reverse("activity:detail", args=[log.pk])).status_code == (
            expected
        )
    missing = max(log.pk for log in others) + 1
    assert champion_client.get(reverse("activity:detail", args=[missing])).status_code == 404


@pytest.mark.parametrize("name", ["activity:list", "activity:create", "activity:expenses"])
def test_pages_need_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
