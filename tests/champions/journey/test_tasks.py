import contextlib
import datetime

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.test import TestCase

from champions import tasks
from champions.choices import CheckKind, Stage
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    TrainingModuleFactory,
    TrainingRecordFactory,
    ready_champion,
)

pytestmark = pytest.mark.django_db


START = datetime.date(2026, 6, 1)


@contextlib.contextmanager
def on(day):
    """Freeze the clock at 9am (London) on `day`, when the daily reminder job runs; e-mails
    queued in the outbox are delivered when the job's transaction commits, as in production."""
    moment = datetime.datetime.combine(day, datetime.time(9, 0))
    with time_machine.travel(moment, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        yield


def test_active_champion_with_lapsed_dbs_is_flagged_not_demoted(client):
    module = TrainingModuleFactory(title="Safeguarding", validity_months=12)
    champion = ready_champion(stage=Stage.ACTIVE, preferred_name="Imani")
    TrainingRecordFactory(champion=champion, module=module, completed_on=START)
    champion.checks.filter(kind=CheckKind.DBS).update(
        renewal_due_on=START - datetime.timedelta(days=1)
    )
    in_training = ready_champion(stage=Stage.IN_TRAINING)
    in_training.checks.filter(kind=CheckKind.DBS).update(
        renewal_due_on=START - datetime.timedelta(days=1)
    )
    with on(START):
        assert tasks.journey.flag_lapsed_champions.delay().get() == 1
        assert tasks.journey.flag_lapsed_champions.delay().get() == 0
        champion.refresh_from_db()
        assert champion.stage == Stage.ACTIVE
        assert champion.attention_needed == "DBS check: renewal was due on 31 May 2026"
        in_training.refresh_from_db()
        assert in_training.attention_needed == ""
        client.force_login(CoordinatorFactory())
        html = client.get("/admin/champion/", {"needs_attention": "true"}).content.decode()
        assert "Imani" in html and "renewal was due on 31 May 2026" in html
        # Renewed: the flag clears on the next run.
        champion.checks.filter(kind=CheckKind.DBS).update(
            renewal_due_on=START + relativedelta(years=3)
        )
        assert tasks.journey.flag_lapsed_champions.delay().get() == 1
    champion.refresh_from_db()
    assert champion.attention_needed == ""


def test_jobs_are_on_the_beat_schedule():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "champions.tasks.expire_lapsed_training",
        "champions.tasks.flag_lapsed_champions",
        "champions.tasks.send_renewal_reminders",
    } <= scheduled
