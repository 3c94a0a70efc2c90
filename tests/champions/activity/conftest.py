import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories.champions import ChampionFactory

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 3, 18, 12, 0, tzinfo=LONDON)
TODAY = NOW.date()


@pytest.fixture
def frozen(time_machine):
    """Wednesday 18 March 2026, noon in London: month from 1 March, quarter from 1 January."""
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def champion(db):
    return ChampionFactory(preferred_name="Priya", user__email="priya@example.org")


@pytest.fixture
def champion_client(client, champion):
    client.force_login(champion.user)
    return client
