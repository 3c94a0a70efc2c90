import contextlib
import datetime

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.test import TestCase

from champions import tasks
from champions.choices import TrainingStatus
from tests.factories.champions import (
    TrainingModuleFactory,
    TrainingRecordFactory,
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


def test_nightly_expiry_marks_lapsed_completions_once():
    module = TrainingModuleFactory(validity_months=12)
    lapsed = TrainingRecordFactory(
        module=module, completed_on=START - relativedelta(months=12, days=1)
    )
    last_day = TrainingRecordFactory(module=module, completed_on=START - relativedelta(months=12))
    with on(START):
        assert tasks.training.expire_lapsed_training.delay().get() == 1
        assert tasks.training.expire_lapsed_training.delay().get() == 0
    lapsed.refresh_from_db()
    last_day.refresh_from_db()
    assert lapsed.status == TrainingStatus.EXPIRED
    assert last_day.status == TrainingStatus.COMPLETED  # expires today: still valid today
