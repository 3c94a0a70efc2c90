"""The impact figures come from the shared cache, so a page miss does not recompute them, and
an approval (or a log no longer approved) shows on the home and impact pages at once."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from champions.choices import ActivityStatus
from champions.models import ActivityLog
from champions.services.activity import activity_logs_approve
from cms.cache import figures_cache_clear
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory
from tests.factories.cms import ImpactPageFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 12, 0, tzinfo=datetime.UTC)

DAY = datetime.date(2026, 11, 2)


def _hours(client, url) -> str:
    html = client.get(url).content.decode()
    return re.search(r"<dt>Volunteer hours this year</dt><dd>([^<]*)</dd>", html)[1]


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def impact():
    page = ImpactPageFactory()
    champion = ChampionFactory(active=True)
    ActivityLogFactory(champion=champion, hours=Decimal("2"), date=DAY, approved=True)
    waiting = ActivityLogFactory(champion=champion, hours=Decimal("3"), date=DAY)
    return page.url, waiting


def test_an_approval_shows_on_the_home_and_impact_pages_at_once(client, impact):
    url, waiting = impact
    assert (_hours(client, url), _hours(client, "/")) == ("2", "2")  # both cached now

    assert activity_logs_approve(logs=[waiting], by=CoordinatorFactory()) == 1

    assert (_hours(client, url), _hours(client, "/")) == ("5", "5")


def test_a_log_no_longer_approved_or_deleted_shows_at_once(client, impact):
    url, waiting = impact
    activity_logs_approve(logs=[waiting], by=CoordinatorFactory())
    assert _hours(client, url) == "5"

    log = ActivityLog.objects.get(pk=waiting.pk)
    log.status = ActivityStatus.REJECTED
    log.save()
    assert _hours(client, url) == "2"

    ActivityLog.objects.get(status=ActivityStatus.APPROVED).delete()
    assert _hours(client, url) == "0"


def test_a_page_miss_reads_the_cached_figures(client, impact):
    url, _ = impact
    assert _hours(client, url) == "2"
    # Written behind the services' back: the figures are not recomputed on a page miss...
    ActivityLog.objects.update(status=ActivityStatus.APPROVED)
    with CaptureQueriesContext(connection) as miss:
        assert _hours(client, f"{url}?utm_source=newsletter") == "2"
    assert _hours(client, "/") == "2"  # the home page shares them
    # ...until they are retired (or, at most, PUBLIC_FIGURES_CACHE_SECONDS later).
    figures_cache_clear()
    with CaptureQueriesContext(connection) as fresh:
        assert _hours(client, f"{url}?utm_source=newsletter") == "5"
    assert len(miss.captured_queries) < len(fresh.captured_queries)


def test_pages_with_figures_are_kept_no_longer_than_the_figures(client, impact, settings):
    url, _ = impact
    settings.PUBLIC_FIGURES_CACHE_SECONDS = 150
    response = client.get(url)
    assert response.public_cacheable and response.public_cache_seconds == 150
    assert client.get("/").public_cache_seconds == 150
