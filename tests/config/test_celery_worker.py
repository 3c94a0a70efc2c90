"""Tasks reach a real Celery worker through Redis when CELERY_BROKER_URL is set."""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import User
from accounts.tasks.accounts import purge_unverified_accounts
from config.celery import app
from tests.factories.accounts import UserFactory

BROKER = os.environ.get("CELERY_BROKER_URL", "")
ROOT = Path(__file__).resolve().parents[2]


def _database_url():
    s = connection.settings_dict
    if s["ENGINE"].endswith("postgresql"):
        return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    return f"sqlite:///{s['NAME']}"


@pytest.fixture
def worker():
    """A worker process of our Celery app on a queue of its own, against the test database."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-P",
            "solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    app.conf.task_always_eager = False
    yield queue
    app.conf.task_always_eager = True
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.skipif(not BROKER, reason="CELERY_BROKER_URL is not set: no broker to send to")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_the_task_and_its_effect_is_in_the_database(worker):
    stale = UserFactory(verified=False, date_joined=timezone.now() - timedelta(days=60))
    purge_unverified_accounts.apply_async(queue=worker)
    deadline = time.monotonic() + 60
    while User.objects.filter(pk=stale.pk).exists():
        assert time.monotonic() < deadline, "the worker did not run the task within 60 s"
        time.sleep(0.25)


@pytest.mark.django_db
def test_without_a_broker_the_same_task_runs_eagerly():
    assert app.conf.task_always_eager
    stale = UserFactory(verified=False, date_joined=timezone.now() - timedelta(days=60))
    purge_unverified_accounts.delay()
    assert not User.objects.filter(pk=stale.pk).exists()
