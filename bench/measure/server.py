"""Start gunicorn (production settings, 2 sync workers) on a free loopback port."""

import contextlib
import http.client
import os
import time
from pathlib import Path

from .processes import ROOT, bench_env, free_port, python_module

FLOOR = "/bench/floor/"


def http_get(port: int, path: str, headers: dict | None = None, timeout: float = 30):
    """One GET on a fresh connection; returns (status, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        # http.client sends Host as 127.0.0.1:port, as wrk does: the page cache keys on it.
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@contextlib.contextmanager
def gunicorn(*, workers: int = 2, log_path: Path | None = None, gc_freeze: bool = True):
    """Yields the port once the floor page answers; stops the server on exit."""
    port = free_port()
    # The production config (config/gunicorn.py) freezes the GC after start-up; the command
    # line below overrides its bind, workers and logging for loopback measurement.
    config = ["--config", str(ROOT / "config" / "gunicorn.py")] if gc_freeze else []
    args = [
        "gunicorn",
        "config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--timeout=120",
        "--log-level=warning",
        f"--access-logfile={os.devnull}",
        *config,
    ]
    with python_module(args, env=bench_env(), log_path=log_path) as proc:
        _wait_for_floor(proc, port, log_path)
        yield port


def _wait_for_floor(proc, port: int, log_path: Path | None) -> None:
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}; see {log_path}")
        try:
            if http_get(port, FLOOR, timeout=5)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("gunicorn did not answer within 60 s")
        time.sleep(0.2)
