"""If two beats run by mistake, a periodic job sent twice runs once, across real workers."""

from collections import Counter

import pytest
from django.conf import settings

from accounts.tasks.outbox import deliver_outbox_messages
from config.celery import app, periodic_lock_seconds, periodic_task_names
from events.tasks.notices import send_event_reminders

from .conftest import needs_broker


def test_every_scheduled_job_runs_less_often_than_its_lock_lasts():
    assert "events.tasks.send_event_reminders" in periodic_task_names(app)
    # Cron jobs run every 15 minutes or less often; the outbox sweep every minute.
    assert settings.CELERY_PERIODIC_LOCK_SECONDS < 15 * 60
    locks = periodic_lock_seconds(app)
    assert locks["accounts.tasks.sweep_outbox"] == 30
    assert locks["events.tasks.send_event_reminders"] == settings.CELERY_PERIODIC_LOCK_SECONDS
    for entry in app.conf.beat_schedule.values():
        if isinstance(entry["schedule"], int | float):
            assert locks[entry["task"]] < entry["schedule"]


@needs_broker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_periodic_job_sent_twice_runs_once_and_the_second_copy_does_nothing(workers):
    workers.start(2)
    send_event_reminders.apply_async(queue=workers.queue)
    send_event_reminders.apply_async(queue=workers.queue)
    lines = workers.task_lines(2)
    assert Counter(line["status"] for line in lines) == {"succeeded": 1, "skipped": 1}
    assert {line["task"] for line in lines} == {"events.tasks.send_event_reminders"}


@needs_broker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_that_is_not_periodic_runs_every_time(workers):
    workers.start(1)
    deliver_outbox_messages.apply_async(args=[[]], queue=workers.queue)
    deliver_outbox_messages.apply_async(args=[[]], queue=workers.queue)
    lines = workers.task_lines(2)
    assert [line["status"] for line in lines] == ["succeeded", "succeeded"]


def test_in_process_runs_take_no_lock(monkeypatch):
    runs = []
    monkeypatch.setattr("events.services.notices.event_reminders_send", lambda: runs.append(1) or 0)
    send_event_reminders.delay()
    send_event_reminders.delay()
    assert len(runs) == 2
