"""Booking holds on the embedded default (SQLite) as it does on PostgreSQL (issue 12).

SQLite has no SELECT ... FOR UPDATE: a check-then-write is safe only if the transaction takes
the write lock when it begins (BEGIN IMMEDIATE) and others wait for it (a busy timeout). The
test copies the test database to a file (in-memory SQLite shares one lock per table and never
waits) and has champions book a 2-place event at the same moment through the real views.
"""

import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from events.choices import RegistrationStatus
from events.models import Registration
from events.services.booking import registration_cancel
from tests.factories.champions import ChampionFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking"),
]

CHAMPIONS = 12


@pytest.fixture
def file_database(tmp_path):
    """From here on, new connections (one per thread) use a file copy of the test database,
    with the settings' OPTIONS (transaction mode, timeout) as production would."""
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
        # A site's database file is in WAL mode from its first connection on (init_command);
        # the copy of an in-memory database is not, and twelve connections switching it at
        # once while others write can fail "database is locked" without waiting.
        copy.execute("PRAGMA journal_mode=WAL")
    copy.close()
    original = connections.settings["default"]
    connections.settings["default"] = {**original, "NAME": str(path)}
    yield path
    connections.settings["default"] = original


def _at_once(jobs):
    """Run each job in its own thread, all released together; their results, in order."""
    start = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            start.wait()
            results[index] = job()
        except Exception as error:  # the test reports any failure
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _statuses(path, event_pk):
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT status FROM events_registration WHERE event_id = ?", (event_pk,)
        ).fetchall()
    return sorted(status for (status,) in rows)


def test_simultaneous_bookings_never_overbook_and_never_fail(request):
    event = EventFactory(capacity=2)
    clients = []
    for _ in range(CHAMPIONS):
        client = Client(raise_request_exception=False)
        client.force_login(ChampionFactory(active=True, consenting=True).user)
        clients.append(client)
    path = request.getfixturevalue("file_database")
    url = reverse("events:book", args=[event.pk])

    responses = _at_once([lambda c=c: c.post(url) for c in clients])

    assert [getattr(r, "status_code", r) for r in responses] == [302] * CHAMPIONS
    statuses = _statuses(path, event.pk)
    assert statuses.count(RegistrationStatus.BOOKED) == 2
    assert statuses.count(RegistrationStatus.WAITING) == CHAMPIONS - 2


def test_simultaneous_cancellations_promote_each_waiting_champion_once(request):
    event = EventFactory(capacity=2)
    booked = [RegistrationFactory(event=event) for _ in range(2)]
    waiting = [RegistrationFactory(event=event, waiting=True) for _ in range(4)]
    path = request.getfixturevalue("file_database")

    def cancel(registration_pk):
        return registration_cancel(registration=Registration.objects.get(pk=registration_pk))

    results = _at_once([lambda pk=r.pk: cancel(pk) for r in booked])

    assert not [r for r in results if isinstance(r, Exception)]
    statuses = _statuses(path, event.pk)
    assert statuses.count(RegistrationStatus.BOOKED) == 2
    assert statuses.count(RegistrationStatus.WAITING) == len(waiting) - 2
