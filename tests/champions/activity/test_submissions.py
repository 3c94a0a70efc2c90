"""The same activity log or expense claim form sent twice records one entry (issue 12)."""

import pytest
from django.urls import reverse

from champions.models import ActivityLog, ExpenseClaim
from tests.factories.files import png_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

ACTIVITY = {
    "date": "2026-03-17",
    "kind": "outreach",
    "hours": "1.5",
    "description": "Stall at the school gate",
}
CLAIM = {
    "date": "2026-03-17",
    "category": "childcare",
    "amount": "18.50",
    "description": "Childminder for two hours during the consultation",
    "activity": "",
}


def _form_key(client, url) -> str:
    """The one-time key of the form as the champion's browser receives it."""
    form = client.get(url).context["form"]
    key = form["submission_key"].value()
    assert f'name="submission_key" value="{key}"' in str(form)
    return str(key)


def test_an_activity_log_sent_twice_is_recorded_once(champion_client, champion):
    url = reverse("activity:create")
    data = {**ACTIVITY, "submission_key": _form_key(champion_client, url)}
    first = champion_client.post(url, data)
    second = champion_client.post(url, data)
    log = ActivityLog.objects.get(champion=champion)
    assert first["Location"] == second["Location"] == reverse("activity:detail", args=[log.pk])


def test_each_new_activity_form_records_its_own_entry(champion_client, champion):
    url = reverse("activity:create")
    for _ in range(2):
        champion_client.post(url, {**ACTIVITY, "submission_key": _form_key(champion_client, url)})
    assert ActivityLog.objects.filter(champion=champion).count() == 2


def test_an_expense_claim_sent_twice_is_recorded_once(champion_client, champion):
    url = reverse("activity:expense_create")
    key = _form_key(champion_client, url)
    for _ in range(2):
        response = champion_client.post(
            url, {**CLAIM, "receipt": png_upload(), "submission_key": key}
        )
        assert response.status_code == 302
    assert ExpenseClaim.objects.filter(champion=champion).count() == 1


def test_another_champions_key_makes_a_new_entry(champion_client, champion, client):
    from tests.factories.champions import ChampionFactory

    url = reverse("activity:create")
    key = _form_key(champion_client, url)
    champion_client.post(url, {**ACTIVITY, "submission_key": key})
    other = ChampionFactory(active=True)
    client.force_login(other.user)
    client.post(url, {**ACTIVITY, "submission_key": key})
    assert ActivityLog.objects.filter(champion=other).count() == 1
