"""Event reminders through a real Celery worker (Redis broker) to a local SMTP sink."""

import collections
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from pathlib import Path

from aiosmtpd.controller import Controller

from .server import free_port

ROOT = Path(__file__).resolve().parent.parent


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


def _worker(queue: str, name: str, smtp_port: int, log_path: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
    }
    log = open(log_path, "ab")  # noqa: SIM115 - handed to the process, closed by the caller
    proc = subprocess.Popen(  # noqa: S603 - fixed argument list
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            f"--queues={queue},celery",  # outbox deliveries go to the default queue
            f"--hostname={name}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return proc, log


def _tasks_done(app, name: str, task_name: str) -> int | None:
    """How many times the worker has finished the task; None while it is busy (solo pool)."""
    replies = app.control.inspect(destination=[name], timeout=1).stats() or {}
    stats = replies.get(name)
    return None if stats is None else stats.get("total", {}).get(task_name, 0)


def _wait_done(app, name, task_name, times, proc, timeout):
    deadline = time.monotonic() + timeout
    while (_tasks_done(app, name, task_name) or 0) < times:
        if proc.poll() is not None:
            raise RuntimeError("the Celery worker exited; see its log")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{task_name} did not finish within {timeout} s")
        time.sleep(0.2)


def measure_reminders(
    *, task, expected: int, count_notices, log_path: Path, timeout: int = 1800
) -> ReminderResult:
    """Send `task` to a fresh one-process worker twice: the first run's messages are timed
    from enqueue to the last one received; the second run must send nothing."""
    from config.celery import app

    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    name = f"{queue}@bench"
    proc, log = _worker(queue, name, smtp_port, log_path)
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[name], timeout=0.5):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Celery worker did not start; see {log_path}")
        started = time.perf_counter()
        task.apply_async(queue=queue)
        _wait_done(app, name, task.name, 1, proc, timeout)
        if expected:  # the e-mails go out through the outbox: one delivery after the job
            _wait_done(app, name, "accounts.tasks.deliver_outbox_messages", 1, proc, timeout)
        finished = sink.last or time.perf_counter()
        sent = sink.count
        task.apply_async(queue=queue)
        _wait_done(app, name, task.name, 2, proc, timeout)
        return ReminderResult(
            expected=expected,
            sent=sent,
            seconds=finished - started,
            duplicates=sink.duplicates,
            resent_on_second_run=sink.count - sent,
            notices=count_notices(),
        )
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        controller.stop()
