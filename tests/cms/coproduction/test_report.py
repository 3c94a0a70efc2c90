"""The co-production report: outcomes by status, time raised to achieved, voice answered."""

import csv
import datetime
import io

import pytest
import time_machine

from cms.models.outcomes import OutcomeParentVoice
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import OutcomePageFactory
from tests.factories.events import EventFactory, MeetingRecordFactory, ParentVoiceItemFactory

pytestmark = pytest.mark.django_db

URL = "/admin/funders/coproduction/"
RANGE = {"start": "2026-01-01", "end": "2026-06-30"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 6, 17, 11, 0, tzinfo=datetime.UTC)):
        yield


def _rows(client):
    response = client.get(URL, {**RANGE, "export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return {r["Outcome status"]: r for r in csv.DictReader(io.StringIO(body.decode()))}


def test_outcomes_by_status_with_median_days_and_voice_answered(client):
    for raised, achieved in (
        (datetime.date(2026, 1, 10), datetime.date(2026, 2, 9)),
        (datetime.date(2026, 2, 1), datetime.date(2026, 5, 12)),
    ):
        OutcomePageFactory(raised_on=raised, achieved_on=achieved, status="achieved")
    outcome = OutcomePageFactory(raised_on=datetime.date(2026, 3, 1), status="in_progress")
    OutcomePageFactory(raised_on=datetime.date(2025, 3, 1), status="raised")  # before the period
    meeting = EventFactory(kind="co_production", past=True)
    record = MeetingRecordFactory(event=meeting)
    heard = ParentVoiceItemFactory(record=record)
    ParentVoiceItemFactory(record=record)
    OutcomeParentVoice.objects.create(page=outcome, item=heard)
    client.force_login(CoordinatorFactory())
    rows = _rows(client)
    assert rows["Achieved"]["Outcomes raised in the period"] == "2"
    assert rows["Achieved"]["Median days from raised to achieved"] == "65.0"
    assert rows["In progress"]["Outcomes raised in the period"] == "1"
    assert rows["Raised"]["Outcomes raised in the period"] == "0"
    page = client.get(URL, RANGE).content.decode()
    assert "<dt>Parent-voice points heard at meetings</dt><dd>2</dd>" in page
    assert "<dt>Not answered yet</dt><dd>1</dd>" in page


def test_viewers_read_it_and_champions_cannot(client):
    client.force_login(ViewerFactory())
    assert client.get(URL).status_code == 200
    client.force_login(ChampionFactory().user)
    assert client.get(URL).status_code == 403
