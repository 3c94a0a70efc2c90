"""The champion's lists and the staff review queues cost the same queries for 10 or 1,000 rows."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from champions.choices import ActivityStatus, ExpenseStatus
from champions.models import ActivityFactor, ActivityLog, ExpenseClaim
from tests.champions.clock import ENTRY_TODAY as TODAY
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def add_logs(champions, count):
    statuses = list(ActivityStatus)
    logs = ActivityLog.objects.bulk_create(
        ActivityLog(
            champion=champions[i % len(champions)],
            date=TODAY - datetime.timedelta(days=i % 80),
            kind="outreach",
            hours=Decimal("0.25"),
            description=f"Entry {i}",
            status=statuses[i % len(statuses)] if len(champions) == 1 else "submitted",
        )
        for i in range(count)
    )
    ActivityFactor.objects.bulk_create(
        ActivityFactor(activity=log, factor_id=factor)
        for log in logs
        for factor in ("connections", "resilience")
    )


def add_claims(champions, count):
    ExpenseClaim.objects.bulk_create(
        ExpenseClaim(
            champion=champions[i % len(champions)],
            date=TODAY,
            category="travel",
            amount=Decimal("3.10"),
            description=f"Bus {i}",
            status=ExpenseStatus.SUBMITTED,
        )
        for i in range(count)
    )


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["activity:list", "activity:expenses"])
def test_my_activity_and_my_expenses_are_constant(
    champion_client, champion, django_assert_num_queries, url_name
):
    add_logs([champion], 10)
    add_claims([champion], 10)
    url = reverse(url_name)
    small = count_queries(champion_client, url)
    add_logs([champion], 990)
    add_claims([champion], 990)
    with django_assert_num_queries(small):
        champion_client.get(url)


@pytest.mark.parametrize(
    "url_name", ["champions_activitylog:index", "champions_expenseclaim:index"]
)
def test_the_review_queues_are_constant(client, django_assert_num_queries, url_name):
    client.force_login(CoordinatorFactory())
    champions = ChampionFactory.create_batch(5)
    add_logs(champions, 10)
    add_claims(champions, 10)
    url = reverse(url_name)
    client.get(url)  # draws the admin sidebar once (served from the cache afterwards)
    small = count_queries(client, url)
    more = ChampionFactory.create_batch(5)
    add_logs(champions + more, 990)
    add_claims(champions + more, 990)
    with django_assert_num_queries(small):
        client.get(url)
