"""Activity logs and expense claims are for champions at a logging stage
(`champion_logs_activity`): the signed-in champion here is an active one."""

import pytest

from tests.factories.champions import ChampionFactory


@pytest.fixture
def champion(db):
    return ChampionFactory(active=True, preferred_name="Priya", user__email="priya@example.org")
