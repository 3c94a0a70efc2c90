"""Activity logs and expense claims apply from the "in training" stage: before it (and after
leaving) the pages say so with a 403 and a way back, and the services refuse the entry."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from champions.choices import Stage
from champions.models import ActivityLog, ExpenseClaim
from champions.services.activity import activity_log_submit
from champions.services.expenses import expense_claim_submit
from tests.factories.champions import ActivityLogFactory, ChampionFactory, ExpenseClaimFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

ACTIVITY = {"date": "2026-03-17", "kind": "outreach", "hours": "1.5", "description": "Stall"}
CLAIM = {
    "date": "2026-03-17",
    "category": "travel",
    "amount": "4.50",
    "description": "Bus fare",
    "declaration": "on",
    "activity": "",
}
NOT_YET = "Logging activities and claiming expenses start at the \u201cIn training\u201d stage."


def _pages(log, claim):
    return [
        reverse("activity:list"),
        reverse("activity:create"),
        reverse("activity:detail", args=[log.pk]),
        reverse("activity:edit", args=[log.pk]),
        reverse("activity:withdraw", args=[log.pk]),
        reverse("activity:expenses"),
        reverse("activity:expense_create"),
        reverse("activity:expense_detail", args=[claim.pk]),
        reverse("activity:expense_edit", args=[claim.pk]),
        reverse("activity:expense_withdraw", args=[claim.pk]),
        reverse("activity:expense_receipt", args=[claim.pk]),
    ]


@pytest.mark.parametrize("stage", [Stage.ENQUIRY, Stage.ONBOARDING])
def test_before_training_every_page_says_when_it_applies(client, stage):
    champion = ChampionFactory(stage=stage)
    # An entry staff recorded for them, so that the one-entry pages have something to show.
    log, claim = ActivityLogFactory(champion=champion), ExpenseClaimFactory(champion=champion)
    client.force_login(champion.user)
    for url in _pages(log, claim):
        response = client.get(url)
        assert response.status_code == 403, url
        page = response.content.decode()
        assert NOT_YET.replace("\u201c", "&ldquo;") in page or NOT_YET in page, url
        assert f'href="{reverse("champions:dashboard")}"' in page, url


def test_alumni_are_told_it_is_for_current_champions(client):
    champion = ChampionFactory(alumni=True)
    client.force_login(champion.user)
    response = client.get(reverse("activity:create"))
    assert response.status_code == 403
    assert "for current champions" in response.content.decode()


@pytest.mark.parametrize("stage", [Stage.ENQUIRY, Stage.ONBOARDING, Stage.ALUMNI])
def test_posting_before_the_stage_records_nothing(client, stage):
    champion = ChampionFactory(stage=stage)
    log = ActivityLogFactory(champion=champion, description="Entered by staff")
    client.force_login(champion.user)
    posts = [
        (reverse("activity:create"), ACTIVITY),
        (reverse("activity:expense_create"), CLAIM),
        (reverse("activity:edit", args=[log.pk]), {**ACTIVITY, "description": "Changed"}),
        (reverse("activity:withdraw", args=[log.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert ActivityLog.objects.get().description == "Entered by staff"
    assert not ExpenseClaim.objects.exists()


@pytest.mark.parametrize("stage", [Stage.IN_TRAINING, Stage.ACTIVE, Stage.PAUSED])
def test_from_training_on_the_pages_open_and_entries_are_recorded(client, stage):
    champion = ChampionFactory(stage=stage)
    client.force_login(champion.user)
    assert client.get(reverse("activity:create")).status_code == 200
    assert client.post(reverse("activity:create"), ACTIVITY).status_code == 302
    assert client.post(reverse("activity:expense_create"), CLAIM).status_code == 302
    assert ActivityLog.objects.filter(champion=champion).count() == 1
    assert ExpenseClaim.objects.filter(champion=champion).count() == 1


@pytest.mark.parametrize("stage", [Stage.ENQUIRY, Stage.ONBOARDING, Stage.ALUMNI])
def test_the_services_refuse_an_entry_for_a_champion_not_logging(stage):
    champion = ChampionFactory(stage=stage)
    with pytest.raises(ValidationError):
        activity_log_submit(
            champion=champion,
            date=datetime.date(2026, 3, 17),
            kind="outreach",
            hours=Decimal("1.5"),
            description="Stall",
        )
    with pytest.raises(ValidationError):
        expense_claim_submit(
            champion=champion,
            date=datetime.date(2026, 3, 17),
            category="travel",
            amount=Decimal("4.50"),
            description="Bus fare",
            declared_without_receipt=True,
        )
    assert not ActivityLog.objects.exists()
    assert not ExpenseClaim.objects.exists()
