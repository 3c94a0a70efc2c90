"""Fuzzing a champion's own forms and list filters: bad input is the form again or a 4xx."""

import pytest
from django.urls import reverse
from hypothesis import given

from champions.forms.activity import ActivityLogForm
from champions.forms.consents import ConsentForm
from champions.forms.expenses import ExpenseClaimForm
from champions.forms.profile import ProfileForm
from tests.factories.champions import ActivityLogFactory, ChampionFactory
from tests.fuzz import assert_handled, form_data, query_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion_client(client):
    champion = ChampionFactory(active=True, consenting=True)
    client.force_login(champion.user)
    return client


@given(data=form_data(ActivityLogForm))
def test_activity_log_form(champion_client, data):
    assert_handled(champion_client.post(reverse("activity:create"), data))


@given(data=form_data(ExpenseClaimForm))
def test_expense_claim_form(champion_client, data):
    assert_handled(champion_client.post(reverse("activity:expense_create"), data))


@given(data=form_data(ProfileForm))
def test_profile_form(champion_client, data):
    assert_handled(champion_client.post(reverse("champions:profile"), data))


@given(data=form_data(ConsentForm))
def test_consent_form(champion_client, data):
    assert_handled(champion_client.post(reverse("champions:consents"), data))


@given(params=query_params("status", "page", "kind", "event", "activity"))
def test_activity_and_expense_lists_and_prefills(champion_client, params):
    for name in ("activity:list", "activity:expenses", "activity:create"):
        assert_handled(champion_client.get(reverse(name), params))


@given(pk=query_params("pk"))
def test_entry_pages_with_any_number(champion_client, pk):
    log = ActivityLogFactory()
    assert_handled(champion_client.get(reverse("activity:detail", args=[log.pk]), pk))
