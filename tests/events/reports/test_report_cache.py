"""The funder reports' figures are cached per filter set (champions/report_cache.py): they
still equal direct database aggregates after approvals, edits, withdrawals and moves, a
second read runs no aggregate, and a write that sends no signal shows within the time bound."""

import csv
import datetime
import io
import time
from collections import defaultdict
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from champions.choices import ActivityStatus
from champions.models import ActivityFactor, ActivityLog
from champions.report_cache import report_figures_clear
from champions.services.activity import (
    activity_factors_set,
    activity_log_withdraw,
    activity_logs_approve,
)
from champions.services.report_summary import activity_summary_rebuild
from events.models import Event
from events.selectors import reports
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    protective_factors,
)
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 17, 11, 0, tzinfo=datetime.UTC)
HOURS = "/admin/funders/hours-and-reach/"
FACTORS = "/admin/funders/factor-coverage/"
RANGE = {"start": "2026-04-01", "end": "2026-06-30"}
START, END = datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def _csv(client, url) -> list[dict]:
    response = client.get(url, {**RANGE, "export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode())))


def _approved():
    return ActivityLog.objects.filter(status=ActivityStatus.APPROVED, date__range=(START, END))


def _direct_hours() -> dict:
    found = defaultdict(Decimal)
    for log in _approved().select_related("champion__area"):
        found[(log.champion.area.name, f"{log.date:%b %Y}")] += log.hours
    return dict(found)


def _direct_factors() -> dict:
    found = defaultdict(lambda: [Decimal(0), 0])
    links = ActivityFactor.objects.filter(activity__in=_approved()).select_related(
        "activity__champion__area", "factor"
    )
    for link in links:
        log = link.activity
        quarter = f"Q{(log.date.month - 1) // 3 + 1} {log.date.year}"
        found[(log.champion.area.name, quarter, link.factor.label)][0] += log.hours
        found[(log.champion.area.name, quarter, link.factor.label)][1] += 1
    return {key: (hours, n) for key, (hours, n) in found.items()}


def _assert_reports_equal_direct_aggregates(client):
    hours = {
        (r["Ward"], r["Month"]): Decimal(r["Approved hours"])
        for r in _csv(client, HOURS)
        if Decimal(r["Approved hours"])
    }
    assert hours == _direct_hours()
    factors = {
        (r["Ward"], r["Quarter"], r["Protective factor"]): (
            Decimal(r["Approved hours"]),
            int(r["Activities"]),
        )
        for r in _csv(client, FACTORS)
        if int(r["Activities"])
    }
    assert factors == _direct_factors()


def _log(champion, day, hours, codes, **traits):
    log = ActivityLogFactory(champion=champion, date=day, hours=Decimal(hours), **traits)
    activity_factors_set(log=log, factors=codes)
    return log


def test_figures_equal_direct_aggregates_after_approvals_edits_withdrawals_and_moves(
    coordinator_client,
):
    protective_factors()
    kursaal, milton = AreaFactory(name="Kursaal"), AreaFactory(name="Milton")
    amina = ChampionFactory(active=True, area=kursaal)
    counted = _log(amina, datetime.date(2026, 4, 3), "2.5", ["connections"], approved=True)
    waiting = _log(amina, datetime.date(2026, 5, 9), "1.25", ["resilience", "connections"])
    withdrawn = _log(amina, datetime.date(2026, 5, 10), "4", ["resilience"])
    _assert_reports_equal_direct_aggregates(coordinator_client)  # cached from here on

    activity_logs_approve(logs=[waiting], by=CoordinatorFactory())
    _assert_reports_equal_direct_aggregates(coordinator_client)
    assert _direct_hours()[("Kursaal", "May 2026")] == Decimal("1.25")

    counted.hours = Decimal("3")  # an approved log corrected by staff
    counted.save()
    _assert_reports_equal_direct_aggregates(coordinator_client)

    activity_factors_set(log=counted, factors=["connections", "nurturing"])
    _assert_reports_equal_direct_aggregates(coordinator_client)

    activity_log_withdraw(log=withdrawn)
    _assert_reports_equal_direct_aggregates(coordinator_client)

    amina.area = milton  # hours are reported by the champion's ward
    amina.save()
    _assert_reports_equal_direct_aggregates(coordinator_client)
    assert ("Milton", "Apr 2026") in _direct_hours()

    waiting = ActivityLog.objects.get(pk=waiting.pk)
    waiting.status = ActivityStatus.REJECTED  # no longer approved
    waiting.save()
    _assert_reports_equal_direct_aggregates(coordinator_client)

    ActivityLog.objects.get(pk=counted.pk).delete()
    _assert_reports_equal_direct_aggregates(coordinator_client)
    assert _direct_hours() == {}


def test_families_reached_follow_an_event_edited_after_the_report_was_read(coordinator_client):
    ward = AreaFactory(name="Kursaal")
    event = EventFactory(
        area=ward,
        starts_at=datetime.datetime(2026, 5, 12, 10, tzinfo=datetime.UTC),
        families_reached=14,
    )
    rows = {(r["Ward"], r["Month"]): r for r in _csv(coordinator_client, HOURS)}
    assert rows[("Kursaal", "May 2026")]["Families reached at events"] == "14"
    event.families_reached = 20
    event.save()
    rows = {(r["Ward"], r["Month"]): r for r in _csv(coordinator_client, HOURS)}
    assert rows[("Kursaal", "May 2026")]["Families reached at events"] == "20"


def test_a_second_read_runs_no_aggregate_and_unsignalled_writes_show_within_the_bound(
    settings,
):
    settings.REPORT_FIGURES_CACHE_SECONDS = 1
    champion = ChampionFactory(active=True, area=AreaFactory(name="Kursaal"))
    ActivityLogFactory(champion=champion, date=datetime.date(2026, 5, 2), hours=2, approved=True)
    ActivityLogFactory(champion=champion, date=datetime.date(2026, 5, 3), hours=3)

    def total():
        return reports.hours_and_reach(start=START, end=END)["total_hours"]

    def families():
        return reports.hours_and_reach(start=START, end=END)["total_families"]

    event = EventFactory(starts_at=NOW - datetime.timedelta(days=20), families_reached=4)
    with CaptureQueriesContext(connection) as miss:
        assert total() == Decimal(2)
    with CaptureQueriesContext(connection) as hit:
        assert total() == Decimal(2)
    assert len(miss) == 7 and len(hit) == 0
    assert families() == 4
    # Written behind the signals' back: the cached figure stands...
    Event.objects.filter(pk=event.pk).update(families_reached=9)
    assert families() == 4
    # ...for at most REPORT_FIGURES_CACHE_SECONDS (the clock moved for the local-memory cache,
    # real time waited for Redis).
    time.sleep(1.1)
    with time_machine.travel(NOW + datetime.timedelta(seconds=2), tick=False):
        assert families() == 9
        # Approved hours come from the activity summary, which a write behind the signals'
        # back does not reach until it is rebuilt (as the bench generator and demo do).
        ActivityLog.objects.update(status=ActivityStatus.APPROVED)
        activity_summary_rebuild()
        report_figures_clear()
        assert total() == Decimal(5)


@pytest.mark.parametrize(
    ("selector", "queries"),
    [
        # Approved hours and activities: the activity summary for the whole months and the
        # logs for the days outside them, for the period and for the period before.
        (lambda: reports.hours_and_reach(start=START, end=END), 7),
        (lambda: reports.factor_coverage(start=START, end=END), 4),
        (lambda: reports.events_and_attendance(start=START, end=END), 7),
    ],
)
def test_report_figures_run_a_fixed_number_of_queries(django_assert_num_queries, selector, queries):
    protective_factors()
    for n in range(3):
        ward = AreaFactory()
        log = ActivityLogFactory(
            champion=ChampionFactory(active=True, area=ward),
            date=datetime.date(2026, 5, 2 + n),
            approved=True,
        )
        activity_factors_set(log=log, factors=["connections"])
        EventFactory(area=ward, starts_at=NOW - datetime.timedelta(days=20 + n))
    with django_assert_num_queries(queries):
        selector()
