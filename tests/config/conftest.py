import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("CELERY_BROKER_URL", "")
needs_broker = pytest.mark.skipif(
    not BROKER, reason="CELERY_BROKER_URL is not set: no broker for a real worker"
)


def _database_url():
    s = connection.settings_dict
    if s["ENGINE"].endswith("postgresql"):
        return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    return f"sqlite:///{s['NAME']}"


class Workers:
    """Celery worker processes on a queue of their own, each writing its JSON log to a file."""

    def __init__(self, tmp_path: Path):
        self.queue = f"test-{uuid.uuid4().hex[:8]}"
        self.logs: list[Path] = []
        self.processes: list[subprocess.Popen] = []
        self.tmp_path = tmp_path

    def start(self, count: int) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _database_url(),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
        }
        for n in range(count):
            log = self.tmp_path / f"worker-{n}.log"
            self.logs.append(log)
            command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-P", "solo"]
            command += ["-Q", self.queue, "-n", f"{self.queue}-{n}@%h"]
            command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
            with log.open("wb") as out:
                self.processes.append(
                    subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
                )

    def lines(self) -> list[dict]:
        """Every JSON log line the workers have written so far."""
        found = []
        for log in self.logs:
            for line in log.read_text(errors="replace").splitlines():
                if line.startswith("{"):
                    found.append(json.loads(line))
        return found

    def task_lines(self, count: int, timeout: float = 60) -> list[dict]:
        """Waits for `count` task lines (one per task run) and returns them."""
        deadline = time.monotonic() + timeout
        while True:
            tasks = [line for line in self.lines() if line.get("logger") == "config.tasks"]
            if len(tasks) >= count:
                return tasks
            assert time.monotonic() < deadline, f"only {len(tasks)} task lines in {timeout} s"
            time.sleep(0.25)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def workers(tmp_path):
    """Start real workers with `workers.start(n)`; tasks sent with queue=workers.queue."""
    started = Workers(tmp_path)
    app.conf.task_always_eager = False
    yield started
    app.conf.task_always_eager = True
    started.stop()
