"""The bench's admin home and funder report rows open, and reports have a 1 s target."""

import pytest

from bench.measure.logged_in import admin_home_and_reports
from bench.measure.targets import logged_in_met
from tests.factories.accounts import CoordinatorFactory

pytestmark = pytest.mark.django_db


def test_every_admin_row_the_bench_times_opens_for_the_coordinator(client):
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    rows = admin_home_and_reports(coordinator)
    # The home page cached, counted afresh and after an approval; the two cached reports
    # from the cache and counted afresh; five more reports.
    assert len(rows) == 12
    assert sum(row["before"] is not None for row in rows) == 4
    for row in rows:
        assert client.get(row["path"]).status_code == 200, row["label"]
        assert client.get(row["small"][1]).status_code == 200, row["label"]


def test_a_report_is_judged_against_one_second_and_a_page_against_150_ms():
    timing = {"status": 200, "p95_ms": 400, "queries": 9, "queries_small": 9}
    assert logged_in_met({**timing, "label": "Report: Expenses (a year)"})
    assert not logged_in_met({**timing, "label": "Admin: coordinator's home"})
