"""The activity summary the funder reports read (champions/services/report_summary.py) stays
equal to a direct aggregate of the approved logs after every change that moves it, and the
reports read it."""

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from champions.choices import ActivityStatus, Stage
from champions.models import ActivityFactor, ActivityLog, ActivitySummary, Area
from champions.report_cache import report_figures_clear
from champions.services.activity import (
    activity_factors_set,
    activity_log_update,
    activity_log_withdraw,
    activity_logs_approve,
)
from champions.services.journey import champion_change_stage
from events.selectors import reports
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    protective_factors,
)

pytestmark = pytest.mark.django_db

MAY = datetime.date(2026, 5, 1)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 7, 2, 11, 0, tzinfo=datetime.UTC), tick=False):
        yield


def _direct() -> dict:
    """(month, ward pk or 0, stage, factor or "") -> (hours, activities), from the logs."""
    found = defaultdict(lambda: [Decimal(0), 0])
    approved = ActivityLog.objects.filter(status=ActivityStatus.APPROVED)
    for log in approved.select_related("champion").prefetch_related("factors"):
        key = (log.date.replace(day=1), log.champion.area_id or 0, log.champion.stage)
        for factor in ["", *(row.factor_id for row in log.factors.all())]:
            found[(*key, factor)][0] += log.hours
            found[(*key, factor)][1] += 1
    return {key: tuple(value) for key, value in found.items()}


def _stored() -> dict:
    return {
        (row.month, row.area_pk, row.stage, row.factor): (row.hours, row.activities)
        for row in ActivitySummary.objects.all()
        if row.hours or row.activities
    }


def _assert_summary_equals_direct():
    assert _stored() == _direct()


@pytest.fixture
def logs():
    protective_factors()
    wards = [AreaFactory(), AreaFactory()]
    champions = [ChampionFactory(active=True, area=ward) for ward in wards]
    made = []
    for n, (hours, status) in enumerate(
        [(2, "approved"), (Decimal("1.5"), "approved"), (3, "submitted"), (1, "queried")]
    ):
        log = ActivityLogFactory(
            champion=champions[n % 2],
            date=MAY + datetime.timedelta(days=n * 20),
            hours=hours,
            **{status: True} if status != "submitted" else {},
        )
        activity_factors_set(log=log, factors=["connections", "resilience"][: n % 3])
        made.append(log)
    return made


def test_approving_one_and_many_keeps_the_summary(logs):
    _assert_summary_equals_direct()
    assert _stored()  # the two approved logs are counted
    activity_logs_approve(logs=logs[2:], by=CoordinatorFactory())
    _assert_summary_equals_direct()
    assert sum(v[1] for k, v in _stored().items() if k[3] == "") == 4


def test_editing_hours_date_and_factors_keeps_the_summary(logs):
    approved = ActivityLog.objects.get(pk=logs[1].pk)
    approved.hours, approved.date = Decimal("4.25"), datetime.date(2026, 3, 9)
    approved.save()
    _assert_summary_equals_direct()
    activity_factors_set(log=approved, factors=["resilience", "knowledge"])
    _assert_summary_equals_direct()
    ActivityFactor.objects.create(activity=approved, factor_id="concrete_support")
    ActivityFactor.objects.filter(activity=approved, factor_id="knowledge").delete()
    _assert_summary_equals_direct()
    approved.protective_factors.clear()
    _assert_summary_equals_direct()
    # An open entry changed by its champion, then withdrawn: nothing approved moves.
    activity_log_update(
        log=logs[2],
        changed_by=logs[2].champion.user,
        protective_factors=["knowledge"],
        date=logs[2].date,
        kind=logs[2].kind,
        hours=Decimal(5),
        description="Changed",
    )
    activity_log_withdraw(log=ActivityLog.objects.get(pk=logs[2].pk))
    _assert_summary_equals_direct()


def test_unapproving_and_deleting_keep_the_summary(logs):
    rejected = ActivityLog.objects.get(pk=logs[0].pk)
    rejected.status = ActivityStatus.REJECTED
    rejected.save()
    _assert_summary_equals_direct()
    ActivityLog.objects.get(pk=logs[1].pk).delete()
    _assert_summary_equals_direct()
    assert _stored() == {}


def test_a_champions_ward_stage_or_deletion_moves_their_logs(logs):
    champion = logs[1].champion
    champion.area = AreaFactory()
    champion.save()
    _assert_summary_equals_direct()
    champion_change_stage(champion=champion, to_stage=Stage.PAUSED, by=CoordinatorFactory())
    _assert_summary_equals_direct()
    Area.objects.get(pk=champion.area_id).delete()  # its champions' ward emptied by an UPDATE
    _assert_summary_equals_direct()
    assert any(key[1] == 0 for key in _stored())
    logs[0].champion.delete()
    _assert_summary_equals_direct()


def test_the_rebuild_command_counts_afresh_what_went_behind_the_signals(logs):
    ActivityLog.objects.update(status=ActivityStatus.APPROVED)
    assert _stored() != _direct()
    call_command("report_summary_rebuild", verbosity=0)
    _assert_summary_equals_direct()


def test_the_reports_read_the_summary_for_whole_months(logs, django_assert_num_queries):
    # The summary for the whole months, the logs for the days outside them (none here), the
    # wards, the factors.
    start, end = datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)
    report_figures_clear()
    with django_assert_num_queries(4):
        coverage = reports.factor_coverage(start=start, end=end)
    assert dict(coverage["by_factor"])["Social connections"] == Decimal("1.5")
    # The reports count what the summary holds, so a summary put wrong shows in them.
    ActivitySummary.objects.filter(factor="connections").update(hours=100)
    report_figures_clear()
    assert (
        dict(reports.factor_coverage(start=start, end=end)["by_factor"])["Social connections"]
        == 100
    )
    ActivitySummary.objects.filter(factor="").update(hours=100)
    report_figures_clear()
    assert reports.hours_and_reach(start=start, end=end)["total_hours"] == 200


def test_a_period_not_in_whole_months_adds_the_days_from_the_logs(logs):
    report_figures_clear()
    # 2 hours on 1 May, 1.5 on 21 May, both approved: 10 May to 31 May keeps only the second.
    figures = reports.hours_and_reach(start=datetime.date(2026, 5, 10), end=MAY.replace(day=31))
    assert figures["total_hours"] == Decimal("1.5")
    figures = reports.hours_and_reach(start=datetime.date(2026, 4, 20), end=MAY.replace(day=31))
    assert figures["total_hours"] == Decimal("3.5")


def test_the_count_of_queries_does_not_depend_on_where_the_period_starts_and_ends(logs):
    counts = set()
    for start, end in [
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 4, 20), datetime.date(2026, 5, 31)),
        (datetime.date(2026, 5, 10), datetime.date(2026, 6, 3)),
    ]:
        report_figures_clear()
        with CaptureQueriesContext(connection) as queries:
            reports.hours_and_reach(start=start, end=end)
            reports.factor_coverage(start=start, end=end)
        counts.add(len(queries))
    assert len(counts) == 1
