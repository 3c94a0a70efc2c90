"""Event reminders through a real Celery worker (Redis broker) to a local SMTP sink."""

import collections
import datetime
import math
import threading
import time
import uuid
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from pathlib import Path

from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.utils import timezone

from accounts.models import OutboxMessage
from accounts.services.outbox import DELIVERY_BATCH
from bench.generate.events import reminder_hours
from config.celery import app
from events.models import Registration
from events.tasks.notices import send_event_reminders

from . import say
from .processes import bench_env, free_port, python_module


class Sink:
    """An aiosmtpd handler that counts messages per (recipient, subject) and when they came."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seen: collections.Counter = collections.Counter()
        self.count = 0
        self.first = self.last = None

    async def handle_DATA(self, server, session, envelope):
        subject = BytesHeaderParser().parsebytes(envelope.content).get("Subject", "")
        now = time.perf_counter()
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.seen[(rcpt, subject)] += 1
            self.count += 1
            self.first = self.first or now
            self.last = now
        return "250 Message accepted for delivery"

    @property
    def duplicates(self) -> int:
        return sum(n - 1 for n in self.seen.values() if n > 1)


@dataclass
class ReminderResult:
    expected: int
    sent: int
    seconds: float
    duplicates: int
    resent_on_second_run: int
    notices: int

    @property
    def per_second(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0


def run_reminders(log_path: Path) -> dict:
    """Reminders for every booking on an event inside the reminder window."""
    now = timezone.now()
    expected = Registration.objects.filter(
        status="booked",
        event__status="scheduled",
        event__starts_at__gt=now,
        event__starts_at__lte=now + datetime.timedelta(hours=reminder_hours()),
    ).count()
    say(f"Reminders for {expected:,} bookings through a Celery worker ...")
    # A reused database holds the reminders an earlier run sent: each is sent once ever, so
    # this run would have nothing to send. Forget them (the runner's own database).
    OutboxMessage.objects.filter(key__endswith=".reminder").delete()
    result = measure_reminders(
        task=send_event_reminders,
        expected=expected,
        count_notices=lambda: OutboxMessage.objects.filter(
            key__endswith=".reminder", status="sent"
        ).count(),
        log_path=log_path,
    )
    say(f"  {result.sent:,} sent at {result.per_second:,.0f}/s")
    return {**result.__dict__, "per_second": result.per_second}


def measure_reminders(
    *, task, expected: int, count_notices, log_path: Path, timeout: int = 1800
) -> ReminderResult:
    """Send `task` to a fresh one-process worker twice: the first run's messages are timed
    from enqueue to the last one received; the second run must send nothing."""
    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    name = f"{queue}@bench"
    # Its own queue for everything the worker sends, outbox deliveries included: the default
    # queue may hold deliveries other measurements queued (the impact pack's e-mails), which
    # would be counted here as reminders.
    env = bench_env(EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}", BENCH_TASK_QUEUE=queue)
    try:
        with python_module(_worker_args(queue, name), env=env, log_path=log_path) as proc:
            _wait_started(name, proc, log_path)
            started = time.perf_counter()
            _run_again(task, queue)
            _wait_done(name, task.name, 1, proc, timeout)
            if expected:  # the e-mails go out through the outbox, DELIVERY_BATCH a task
                deliveries = math.ceil(expected / DELIVERY_BATCH)
                _wait_done(
                    name, "accounts.tasks.deliver_outbox_messages", deliveries, proc, timeout
                )
            finished = sink.last or time.perf_counter()
            sent = sink.count
            _run_again(task, queue)
            _wait_done(name, task.name, 2, proc, timeout)
    finally:
        controller.stop()
    return ReminderResult(
        expected=expected,
        sent=sent,
        seconds=finished - started,
        duplicates=sink.duplicates,
        resent_on_second_run=sink.count - sent,
        notices=count_notices(),
    )


def _run_again(task, queue: str) -> None:
    """Send the job to the worker; a periodic job's lock (config.celery, up to 300 s) from an
    earlier run would make the worker skip it, and a skipped second run proves nothing."""
    cache.delete(task._lock_key())
    task.apply_async(queue=queue)


def _worker_args(queue: str, name: str) -> list[str]:
    return [
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        f"--queues={queue}",
        f"--hostname={name}",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=WARNING",
    ]


def _wait_started(name: str, proc, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while not app.control.ping(destination=[name], timeout=0.5):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the Celery worker did not start; see {log_path}")


def _tasks_done(name: str, task_name: str) -> int | None:
    """How many times the worker has finished the task; None while it is busy (solo pool)."""
    replies = app.control.inspect(destination=[name], timeout=1).stats() or {}
    stats = replies.get(name)
    return None if stats is None else stats.get("total", {}).get(task_name, 0)


def _wait_done(name: str, task_name: str, times: int, proc, timeout: int) -> None:
    deadline = time.monotonic() + timeout
    while (_tasks_done(name, task_name) or 0) < times:
        if proc.poll() is not None:
            raise RuntimeError("the Celery worker exited; see its log")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{task_name} did not finish within {timeout} s")
        time.sleep(0.2)
