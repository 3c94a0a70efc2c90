"""Fixtures for the champions app's tests (every sub-domain)."""

import datetime

import pytest
import time_machine

from tests.factories.champions import ChampionFactory, TrainingModuleFactory

from .clock import ENTRY_NOW, JOURNEY_TODAY


@pytest.fixture
def frozen_today():
    """The clock stopped at noon on TODAY (Europe/London), so that expiry boundaries are exact."""
    with time_machine.travel(
        datetime.datetime.combine(JOURNEY_TODAY, datetime.time(12)), tick=False
    ):
        yield JOURNEY_TODAY


@pytest.fixture
def required_pair(db):
    """Two required modules (one lapses after 12 months) and one optional module."""
    induction = TrainingModuleFactory(title="Core induction", validity_months=None)
    safeguarding = TrainingModuleFactory(title="Safeguarding", validity_months=12)
    optional = TrainingModuleFactory(title="First aid", required_for_activation=False)
    return induction, safeguarding, optional


@pytest.fixture
def frozen(time_machine):
    """Wednesday 18 March 2026, noon in London: month from 1 March, quarter from 1 January."""
    time_machine.move_to(ENTRY_NOW, tick=False)
    return ENTRY_NOW


@pytest.fixture
def champion(db):
    return ChampionFactory(preferred_name="Priya", user__email="priya@example.org")


@pytest.fixture
def champion_client(client, champion):
    client.force_login(champion.user)
    return client
