import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.cms import (
    OutcomePageFactory,
    outcome_index,
)

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_outcome_index_runs_constant_queries(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    for _ in range(5):
        OutcomePageFactory()
    client.get(outcome_index().url)
    few = _queries(client, outcome_index().url)
    for _ in range(30):
        OutcomePageFactory()
    assert _queries(client, outcome_index().url) == few


def test_outcome_page_shows_parent_voice_evidence_and_status(client):
    outcome = OutcomePageFactory(
        title="Evening clinics",
        status="not_taken_forward",
        status_reason="No staff available for evenings this year.",
        evidence=[
            (
                "consultation_figure",
                {
                    "percent": "36",
                    "count": 46,
                    "respondents": 220,
                    "statement": "cited mother and baby mental health",
                    "source": "",
                },
            )
        ],
    )
    html = client.get(outcome.url).content.decode()
    assert "36% (46)</strong> of 220 parents cited mother and baby mental health" in html
    assert "Not taken forward" in html
    assert "No staff available for evenings this year." in html
