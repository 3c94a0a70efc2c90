"""Processes the runner starts (gunicorn, a Celery worker, the export) and stops again."""

import contextlib
import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_env(**extra: str) -> dict[str, str]:
    """This process's environment with the bench settings, for a child process."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **extra}


@contextlib.contextmanager
def python_module(args: list[str], *, env: dict[str, str], log_path: Path | None):
    """Runs `python -m <args>` from the project root with its output in `log_path`; yields
    the process and stops it on exit."""
    log = open(log_path or os.devnull, "ab")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(  # noqa: S603 - fixed argument list
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
