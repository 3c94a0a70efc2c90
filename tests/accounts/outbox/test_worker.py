"""The outbox with a real Redis broker, a real Celery worker and a real SMTP server (aiosmtpd).

Each test runs its own redis-server on a free port (so that it can stop it), a worker against
the test database, and checks what reached the SMTP server: every message exactly once.
The worker reaches the test database, so this runs on PostgreSQL only:
DATABASE_URL=postgres://... pytest --create-db tests/accounts/outbox/test_worker.py
"""

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.choices import OutboxStatus
from accounts.models import OutboxMessage
from accounts.services.outbox import outbox_message_queue
from accounts.tasks.outbox import sweep_outbox
from champions.services.notifications import champion_email_queue
from config.celery import app
from tests.conftest import _free_port
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory

ROOT = Path(__file__).resolve().parents[3]

pytestmark = [
    pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server to run"),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="the worker cannot reach the in-memory SQLite test database: use PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _database_url():
    s = connection.settings_dict
    if s["ENGINE"].endswith("postgresql"):
        return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    raise AssertionError("a worker needs the PostgreSQL test database")


def wait_for(condition, timeout=60, what="the condition"):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout} s"
        time.sleep(0.2)


class Broker:
    """A redis-server of this test's own, which the test can stop and start again."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        ping = ["redis-cli", "-p", str(self.port), "ping"]
        wait_for(lambda: subprocess.run(ping, capture_output=True).stdout == b"PONG\n", 20)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


class Worker:
    """`celery worker` (prefork, one child) against the test database and the test's SMTP."""

    def __init__(self, broker, smtp_port, log, **settings):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": broker.url,
            "TEST_EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "OUTBOX_SWEEP_GRACE_SECONDS": "0",
            "TEST_TASKS_EAGER": "0",
            **{name: str(value) for name, value in settings.items()},
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-c", "1"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO"]
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)

    def children(self) -> list[int]:
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        ).stdout
        return [int(pid) for pid in out.split()]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def broker(monkeypatch):
    started = Broker()
    started.start()
    # Celery reads CELERY_BROKER_URL from the environment before its settings (as CI sets it).
    monkeypatch.setenv("CELERY_BROKER_URL", started.url)
    previous = app.conf.broker_url
    app.conf.broker_url, app.conf.task_always_eager = started.url, False
    app._pool = None  # connections to the test's own broker, not a pooled earlier one
    app.amqp._producer_pool = None
    yield started
    app.conf.broker_url, app.conf.task_always_eager = previous, True
    app._pool = None  # later tests connect to their own broker, not this stopped one
    app.amqp._producer_pool = None
    if started.process.poll() is None:
        started.stop()


@pytest.fixture
def start_worker(broker, scripted_smtp, tmp_path):
    workers = []

    def start(**settings):
        worker = Worker(broker, scripted_smtp.port, tmp_path / f"w{len(workers)}.log", **settings)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


def _queue(key="test.worker.1"):
    return outbox_message_queue(key=key, address="jo@example.org", subject="Hi", body="Hello Jo")


def _status(message):
    message.refresh_from_db()
    return message.status


def test_broker_down_during_a_decision_the_e_mail_goes_once_when_it_is_back(
    client, broker, start_worker, scripted_smtp
):
    start_worker()
    log = ActivityLogFactory(champion=ChampionFactory(consenting=True, user__email="jo@x.org"))
    client.force_login(CoordinatorFactory())
    broker.stop()
    response = client.post(
        reverse("champions_activitylog:review", args=[log.pk]),
        {"decision": "reject", "message": "Duplicate entry."},
    )
    assert response.status_code == 302
    [message] = OutboxMessage.objects.all()
    assert message.status == OutboxStatus.QUEUED

    broker.start()
    sweep_outbox.delay()  # what beat sends every minute
    wait_for(lambda: _status(message) == OutboxStatus.SENT, what="delivery")
    sweep_outbox.delay()
    time.sleep(2)
    assert len(scripted_smtp.to("jo@x.org")) == 1


def test_a_worker_child_killed_mid_send_delivers_once(start_worker, scripted_smtp):
    worker = start_worker()
    scripted_smtp.hold_first_rcpt = asyncio.Event()
    message = _queue()
    wait_for(lambda: scripted_smtp.rcpt_seen, what="the first SMTP RCPT")
    [child] = worker.children()
    os.kill(child, signal.SIGKILL)  # mid-send: the server has not answered RCPT yet

    wait_for(lambda: _status(message) == OutboxStatus.SENT, what="delivery after the kill")
    assert message.attempts == 2
    assert len(scripted_smtp.to("jo@example.org")) == 1
    assert "WorkerLostError" in worker.log.read_text() or child not in worker.children()


def test_smtp_451_twice_is_delivered_on_the_third_try(start_worker, scripted_smtp):
    start_worker(OUTBOX_RETRY_BASE_SECONDS="0.5")
    scripted_smtp.script = ["451 4.3.0 Busy", "451 4.3.0 Busy"]
    message = _queue()
    wait_for(lambda: _status(message) == OutboxStatus.SENT, what="the third attempt")
    assert message.attempts == 3
    assert scripted_smtp.answered == ["451 4.3.0 Busy", "451 4.3.0 Busy", "250"]
    assert len(scripted_smtp.to("jo@example.org")) == 1


def test_smtp_550_fails_the_message_and_it_is_not_retried(start_worker, scripted_smtp):
    start_worker(OUTBOX_RETRY_BASE_SECONDS="0.5")
    scripted_smtp.script = ["550 5.1.1 No such user"]
    message = _queue()
    wait_for(lambda: _status(message) == OutboxStatus.FAILED, what="the failure")
    sweep_outbox.delay()
    time.sleep(3)
    assert (_status(message), message.attempts) == (OutboxStatus.FAILED, 1)
    assert message.last_error == "550 5.1.1 No such user"
    assert scripted_smtp.answered == ["550 5.1.1 No such user"]


def test_consent_withdrawn_between_queueing_and_sending_is_not_sent(start_worker, scripted_smtp):
    champion = ChampionFactory(consenting=True, user__email="sam@example.org")
    message = champion_email_queue(
        champion=champion,
        key="test.worker.consent",
        subject="Hello",
        template="champions/email/renewal_reminder.txt",
        context={"reminders": []},
    )
    champion.consents.update(withdrawn_at=timezone.now() - timedelta(seconds=1))
    start_worker()  # the task was waiting in the broker all along
    wait_for(lambda: _status(message) == OutboxStatus.WITHHELD, what="the send-time check")
    assert scripted_smtp.messages == []
