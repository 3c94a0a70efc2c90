import pytest
from wagtail.models import ModelLogEntry

from champions.choices import CheckKind, CheckStatus
from champions.models import OnboardingCheck
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    ChampionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = CoordinatorFactory()
    client.force_login(user)
    return user


def test_dbs_certificate_number_is_stored_masked(client, coordinator):
    champion = ChampionFactory()
    data = {
        "champion": champion.pk,
        "kind": CheckKind.DBS,
        "status": CheckStatus.COMPLETE,
        "completed_on": "2026-01-10",
        "renewal_due_on": "2029-01-10",
        "certificate_number": "0012 3456 7890",
        "notes": "",
    }
    bad = client.post("/admin/onboardingcheck/new/", {**data, "certificate_number": "12345"})
    assert bad.status_code == 200
    assert "A DBS certificate number is 12 digits." in bad.content.decode()
    response = client.post("/admin/onboardingcheck/new/", data)
    assert response.status_code == 302
    check = OnboardingCheck.objects.get(champion=champion)
    assert check.certificate_last4 == "7890"
    assert check.recorded_by == coordinator
    stored = " ".join(
        str(v) for v in OnboardingCheck.objects.filter(pk=check.pk).values()[0].values()
    )
    assert "001234567890" not in stored and "0012 3456" not in stored
    assert ModelLogEntry.objects.filter(
        action="champions.record.change", object_id=champion.pk
    ).exists()
