"""The activity-log CSV export: the listing's columns, its filters, safe cells, flat cost."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from champions.choices import ActivityStatus
from champions.models import ActivityFactor, ActivityLog
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ActivityLogFactory, AreaFactory, ChampionFactory
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db

LOGS = reverse("champions_activitylog:index")


def _rows(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_csv_export_has_the_listing_columns_and_neutralises_formulas(client):
    client.force_login(CoordinatorFactory())
    champion = ChampionFactory(
        user__first_name="=HYPERLINK(1)", user__last_name="", area=AreaFactory(name="Kursaal")
    )
    event = EventFactory(title="Library stall")
    log = ActivityLogFactory(
        champion=champion,
        date=datetime.date(2026, 11, 2),
        hours=Decimal("1.75"),
        people_reached=12,
        event=event,
        description="+44 called",
        status=ActivityStatus.APPROVED,
    )
    ActivityFactor.objects.create(activity=log, factor_id="connections")
    ActivityFactor.objects.create(activity=log, factor_id="resilience")
    rows = _rows(client.get(LOGS, {"status": "approved", "export": "csv"}))
    assert rows[0][:4] == ["Champion", "Ward", "Date", "Type"]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Champion"] == "'=HYPERLINK(1)"  # the full name, made safe
    assert row["Ward"] == "Kursaal"
    assert row["Date"] == "2026-11-02"
    assert row["Hours"] == "1.75"
    assert row["Event"].startswith("Library stall (")
    assert set(row["Protective factors"].split(", ")) == {
        "Social connections",
        "Parental resilience",
    }
    assert row["What you did"] == "'+44 called"
    assert row["Status"] == "Approved"


def test_csv_export_keeps_the_filters_and_reads_in_a_few_queries(client):
    client.force_login(CoordinatorFactory())
    champion = ChampionFactory()
    ActivityLog.objects.bulk_create(
        [
            ActivityLog(
                champion=champion,
                date=datetime.date(2026, 11, 1),
                kind="engagement",
                hours=Decimal("1"),
                description=f"Entry {n}",
                status=ActivityStatus.APPROVED if n % 2 else ActivityStatus.SUBMITTED,
            )
            for n in range(300)
        ]
    )
    with CaptureQueriesContext(connection) as ctx:
        rows = _rows(client.get(LOGS, {"status": "approved", "export": "csv"}))
    assert len(rows) == 1 + 150
    assert len(ctx.captured_queries) < 12
