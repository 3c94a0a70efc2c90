"""The messaging benchmark at a tiny scale: six champions, two real Celery workers on a
redis-server of the test's own, the SMTP sink and the fake Notify; then the drill (broker
stopped, a worker SIGKILLed, the sweep brings the rest). Every recipient exactly once.

The workers reach the test database, so this runs on PostgreSQL only:
DATABASE_URL=postgres://... pytest --create-db tests/bench/test_messaging_workers.py
"""

import shutil

import pytest
from django.conf import settings
from django.db import connection

from bench.measure import messaging
from bench.measure.sinks import RedisServer
from champions.choices import Stage
from config.celery import app
from tests.factories.champions import ChampionFactory

pytestmark = [
    pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server to run"),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="the workers cannot reach the in-memory SQLite test database: use PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def redis(monkeypatch):
    server = RedisServer()
    server.start()
    s = connection.settings_dict
    # The workers: the test database, and a cache on the test's own redis-server.
    monkeypatch.setenv(
        "DATABASE_URL", f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    )
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{server.port}/1")
    eager, app.conf.task_always_eager = app.conf.task_always_eager, False
    yield server
    app.conf.task_always_eager = eager
    server.stop()


def test_each_recipient_gets_the_message_once_in_the_plain_run_and_the_drill(
    redis, monkeypatch, tmp_path
):
    for i in range(6):
        ChampionFactory(stage=Stage.ACTIVE, consenting=True, phone=f"+4477009000{i:02d}")
    # A short beat and sending timeout, so that the drill drains in seconds.
    monkeypatch.setattr(messaging, "SWEEP_EVERY", 2)
    monkeypatch.setitem(messaging.SETTINGS, "OUTBOX_SWEEP_GRACE_SECONDS", "0")
    monkeypatch.setitem(messaging.SETTINGS, "OUTBOX_SENDING_TIMEOUT", "5")
    messaging.prepare_recipients()
    with messaging._broker(redis.url):
        plain = messaging.measure_group_message(redis, tmp_path, timeout=120)
        drill = messaging.measure_group_message(redis, tmp_path, timeout=240, outage=2)

    for run in (plain, drill):
        assert (run["champions"], run["expected"], run["email"], run["sms"]) == (6, 6, 4, 2)
        assert run["sent"] == 6 and run["statuses"] == {"sent": 6}
        assert run["duplicates"] == run["missing"] == run["unexpected"] == 0
        assert run["seconds"] > 0 and run["per_second"] > 0
    assert drill["outage_s"] == 2 and drill["drain_s"] >= 0
