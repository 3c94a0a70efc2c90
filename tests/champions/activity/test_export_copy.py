"""The activity export on PostgreSQL (COPY ... TO STDOUT) writes the same cells as the Python
path, formula cells included. Runs only when DATABASE_URL is PostgreSQL."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from champions.choices import ActivityKind, ActivityStatus
from champions.exports.activity import (
    COLUMNS,
    activity_log_csv_copy,
    activity_log_csv_python,
)
from champions.models import ActivityFactor, ActivityLog
from tests.factories.accounts import CoordinatorFactory, StaffFactory
from tests.factories.champions import ActivityLogFactory, AreaFactory, ChampionFactory
from tests.factories.events import EventFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="COPY needs DATABASE_URL on PostgreSQL"
    ),
]

HEADINGS = [f"Heading {n}" for n in range(len(COLUMNS))]
FORMULAS = ["=SUM(A1)", "+44 1702", "-2", "@cmd", "\tTab", "\rReturn"]


def _cells(chunks):
    return list(csv.reader(io.StringIO(b"".join(chunks).decode(), newline="")))


@pytest.fixture
def programme():
    """Logs with every column filled in every way: formulas, blanks, commas, quotes, newlines,
    summer and winter times, microseconds or none, a reviewer with no name."""
    nameless = StaffFactory(first_name="", last_name="", email="=reviewer@example.org")
    summer = timezone.make_aware(datetime.datetime(2026, 7, 1, 23, 30, 5, 123456))
    winter = timezone.make_aware(datetime.datetime(2026, 1, 5, 9, 0))
    for n, formula in enumerate(FORMULAS):
        log = ActivityLogFactory(
            # No account name: the cell is "<preferred name> (<ward>, #id)", led by the formula.
            champion=ChampionFactory(
                preferred_name=formula,
                user__first_name="",
                user__last_name="",
                area=AreaFactory(name=f"-Ward {n}"),
            ),
            date=datetime.date(2026, 11, 1 + n),
            kind=list(ActivityKind)[n % len(ActivityKind)],
            hours=Decimal("1.25") * (n + 1),
            people_reached=None if n % 2 else n * 10,
            event=EventFactory(title=formula, starts_at=summer) if n % 3 == 0 else None,
            description=f'{formula}, with "quotes"\nand a second line',
            status=list(ActivityStatus)[n % len(ActivityStatus)],
            staff_message=formula if n % 2 else "",
            reviewed_by=nameless if n == 1 else (StaffFactory() if n % 2 else None),
            reviewed_at=summer if n % 2 else (winter if n == 2 else None),
        )
        for code in ["resilience", "connections", "knowledge"][: n % 4]:
            ActivityFactor.objects.create(activity=log, factor_id=code)
    ActivityLogFactory(champion=ChampionFactory(area=None), description="plain")


def test_copy_writes_the_same_cells_as_the_python_path(programme):
    queryset = ActivityLog.objects.order_by("-date", "-pk")

    copied = _cells(activity_log_csv_copy(queryset, HEADINGS))
    python = _cells(activity_log_csv_python(queryset, HEADINGS))

    assert len(copied) == 1 + ActivityLog.objects.count()
    assert copied == python
    names = {row[0].split(" (")[0] for row in copied[1:]}
    assert names >= {"'" + formula for formula in FORMULAS}
    assert "'=reviewer@example.org" in {row[11] for row in copied}


def test_copy_keeps_the_filters_and_the_order(programme):
    queryset = ActivityLog.objects.filter(people_reached__isnull=False).order_by("date")

    copied = _cells(activity_log_csv_copy(queryset, HEADINGS))

    assert copied == _cells(activity_log_csv_python(queryset, HEADINGS))
    assert [row[2] for row in copied[1:]] == sorted(row[2] for row in copied[1:])
    assert len(copied) == 1 + queryset.count()


def test_the_export_on_postgresql_streams_what_copy_writes(client, programme):
    client.force_login(CoordinatorFactory())

    response = client.get(
        reverse("champions_activitylog:index"), {"status": "approved", "export": "csv"}
    )

    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert b"\r\n" not in body  # rows end in LF, as COPY writes them (csv.writer: CRLF)
    rows = _cells([body])
    approved = ActivityLog.objects.filter(status=ActivityStatus.APPROVED)
    python = _cells(activity_log_csv_python(approved, HEADINGS))
    assert len(rows) > 2
    assert sorted(rows[1:]) == sorted(python[1:])
