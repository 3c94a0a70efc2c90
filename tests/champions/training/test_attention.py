"""Renewing training (or a check) recomputes "Needs attention" at once, not at the nightly run."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from wagtail.models import ModelLogEntry

from champions.choices import CheckKind, Stage, TrainingStatus
from champions.services.journey import champions_flag_lapsed
from champions.services.training import training_record_complete
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    TrainingModuleFactory,
    TrainingRecordFactory,
    ready_champion,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged(frozen_today):
    """An active champion whose safeguarding lapsed, flagged by the nightly job."""
    module = TrainingModuleFactory(title="Safeguarding", validity_months=12)
    champion = ready_champion(stage=Stage.ACTIVE, preferred_name="Imani")
    record = TrainingRecordFactory(
        champion=champion,
        module=module,
        status=TrainingStatus.EXPIRED,
        completed_on=frozen_today - relativedelta(months=13),
    )
    assert champions_flag_lapsed(today=frozen_today) == 0  # already flagged when it was saved
    champion.refresh_from_db()
    assert "Safeguarding" in champion.attention_needed
    return champion, record


def test_renewing_in_the_admin_clears_needs_attention_at_once(client, flagged, frozen_today):
    champion, record = flagged
    client.force_login(CoordinatorFactory())
    response = client.post(
        reverse("champions_trainingrecord:edit", args=[record.pk]),
        {
            "champion": champion.pk,
            "module": record.module_id,
            "status": TrainingStatus.COMPLETED,
            "completed_on": frozen_today.isoformat(),
        },
    )
    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.attention_needed == ""
    assert ModelLogEntry.objects.filter(action="champions.champion.flag").exists()


def test_recording_a_completion_clears_needs_attention(flagged, frozen_today):
    champion, record = flagged
    training_record_complete(
        champion=champion,
        module=record.module,
        completed_on=frozen_today,
        verified_by=CoordinatorFactory(),
    )
    champion.refresh_from_db()
    assert champion.attention_needed == ""


def test_a_lapsed_dbs_check_saved_raises_the_flag_and_its_renewal_clears_it(frozen_today):
    champion = ready_champion(stage=Stage.ACTIVE)
    dbs = champion.checks.get(kind=CheckKind.DBS)
    dbs.renewal_due_on = frozen_today - datetime.timedelta(days=1)
    dbs.save()
    champion.refresh_from_db()
    assert champion.attention_needed.startswith("DBS check: renewal was due on")
    dbs.renewal_due_on = frozen_today + relativedelta(years=3)
    dbs.save()
    champion.refresh_from_db()
    assert champion.attention_needed == ""


def test_a_champion_not_yet_active_is_never_flagged(frozen_today):
    champion = ready_champion(stage=Stage.IN_TRAINING)
    dbs = champion.checks.get(kind=CheckKind.DBS)
    dbs.renewal_due_on = frozen_today - datetime.timedelta(days=1)
    dbs.save()
    champion.refresh_from_db()
    assert champion.attention_needed == ""
