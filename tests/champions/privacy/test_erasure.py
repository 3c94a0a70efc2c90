"""Erasure leaves no row and no file that names the champion, while the funders' figures stay.

The champion gets one of everything the site keeps (through the real screens where a champion
makes it), asks to be erased, and then every text column of every table is read back.
"""

import os
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from champions.models import ActivityLog, ExpenseClaim
from tests.factories.accounts import CoordinatorFactory, UserFactory, ViewerFactory
from tests.factories.champions import ChampionFactory

from .everything import NAME, NEEDLES, PHONE, one_of_everything

pytestmark = pytest.mark.django_db


def rows_naming(needles) -> list[tuple[str, str, str]]:
    """(table, column, needle) for every text value in the database that holds a needle."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = str(value).lower() if value is not None else ""
                    found += [(table, column, n) for n in needles if n.lower() in text]
    return sorted(set(found))


def files_naming(root: Path, needles) -> list[str]:
    found = []
    for directory, _, names in os.walk(root):
        for name in names:
            path = Path(directory, name)
            data = path.read_bytes()
            if any(n.lower() in (name.lower() + data.decode("latin-1").lower()) for n in needles):
                found.append(str(path))
    return found


def test_erasure_leaves_no_row_or_file_naming_the_champion(
    client, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        champion = one_of_everything(client)
    assert {n for _, _, n in rows_naming(NEEDLES)} == set(NEEDLES)  # the scan sees them
    # Their files are stored (images under random names, so none names them even now).
    assert any(files for _, _, files in os.walk(media))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("champions:erase"), {"confirm": "on"})
    assert response.status_code == 302

    leftover = rows_naming(NEEDLES)
    assert leftover == [], "\n".join(map(str, leftover))
    assert files_naming(media, NEEDLES) == []
    # What funders count stays, as anonymous figures.
    log = ActivityLog.objects.get(champion=champion)
    assert str(log.hours) == "3.00" and log.protective_factors.count() == 2
    assert str(ExpenseClaim.objects.get(champion=champion).amount) == "18.50"


def test_staff_erasure_is_for_coordinators_with_a_reason_and_is_recorded_anonymously(client, media):
    champion = ChampionFactory(preferred_name=NAME, phone=PHONE)
    url = reverse("champions_champion:erase", args=[champion.pk])

    client.force_login(UserFactory(is_staff=True))
    assert client.post(url, {"reason": "Asked by phone", "confirm": "on"}).status_code in (
        302,
        403,
    )
    champion.refresh_from_db()
    assert champion.anonymised_at is None

    inspect = reverse("champions_champion:inspect", args=[champion.pk])
    client.force_login(ViewerFactory())
    assert url not in client.get(inspect).content.decode()
    assert client.get(url).status_code in (302, 403)

    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    assert url in client.get(inspect).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "", "confirm": "on"})
    assert response.status_code == 200
    assert "Say why" in response.content.decode()
    champion.refresh_from_db()
    assert champion.anonymised_at is None

    response = client.post(url, {"reason": f"{NAME} asked by phone on {PHONE}", "confirm": "on"})
    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.anonymised_at is not None
    assert rows_naming([NAME, PHONE]) == []
    entry = ModelLogEntry.objects.get(action="champions.champion.anonymise")
    assert entry.user_id == coordinator.pk
    assert entry.label == f"Former champion {champion.pk}"
    assert "asked by phone" in entry.data["reason"]
