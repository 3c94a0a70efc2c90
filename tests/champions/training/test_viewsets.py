import datetime

import pytest
from wagtail.models import ModelLogEntry

from champions.choices import TrainingStatus
from champions.models import TrainingRecord
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    ChampionFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = CoordinatorFactory()
    client.force_login(user)
    return user


def test_record_completions_in_bulk(client, coordinator, frozen_today):
    module = TrainingModuleFactory(title="Safeguarding", validity_months=24)
    first, second, untouched = ChampionFactory(), ChampionFactory(), ChampionFactory()
    TrainingRecordFactory(
        champion=first, module=module, status=TrainingStatus.ENROLLED, completed_on=None
    )
    response = client.post(
        "/admin/training_completions/",
        {"module": module.pk, "completed_on": "2026-06-10", "champions": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    records = TrainingRecord.objects.filter(module=module, status=TrainingStatus.COMPLETED)
    assert {r.champion for r in records} == {first, second}
    assert {r.expires_on for r in records} == {datetime.date(2028, 6, 10)}
    assert {r.verified_by for r in records} == {coordinator}
    assert not untouched.training_records.exists()
    assert ModelLogEntry.objects.filter(action="champions.training_record.complete").count() == 2


def test_bulk_completions_form_explains_mistakes(client, coordinator, frozen_today):
    module = TrainingModuleFactory()
    response = client.post(
        "/admin/training_completions/", {"module": module.pk, "completed_on": "2026-07-01"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be in the future" in html and "Tick at least one champion." in html
    assert not TrainingRecord.objects.exists()
