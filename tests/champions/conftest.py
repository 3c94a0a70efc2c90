import datetime

import pytest
import time_machine

from tests.factories.champions import TrainingModuleFactory

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def frozen_today():
    """The clock stopped at noon on TODAY (Europe/London), so that expiry boundaries are exact."""
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 0), tick=False):
        yield TODAY


@pytest.fixture
def required_pair(db):
    """Two required modules (one lapses after 12 months) and one optional module."""
    induction = TrainingModuleFactory(title="Core induction", validity_months=None)
    safeguarding = TrainingModuleFactory(title="Safeguarding", validity_months=12)
    optional = TrainingModuleFactory(title="First aid", required_for_activation=False)
    return induction, safeguarding, optional
