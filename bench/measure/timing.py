"""Sequential requests timed as one visitor sees them, and the SQL queries one request runs."""

import statistics
import time
from collections.abc import Iterable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .server import http_get


def percentile(samples: list[float], pct: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1]


def timed_gets(port: int, paths: Iterable[str], headers: dict | None = None, before=None):
    """GETs one after the other through gunicorn; returns (milliseconds each, last status).
    `before`, if given, runs before each GET, untimed (e.g. to retire a cache)."""
    samples, status = [], None
    for path in paths:
        if before is not None:
            before()
        started = time.perf_counter()
        status, _ = http_get(port, path, headers)
        samples.append((time.perf_counter() - started) * 1000)
    return samples, status


def count_queries(path: str, *, user=None, warm: str | None = None, before=None) -> tuple[int, int]:
    """(queries, status) for one in-process request through the full middleware stack, after
    a first request to `warm` (default: the same path) has filled per-process caches
    (content types, site)."""
    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user)
    client.get(warm or path)
    if before is not None:
        before()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), response.status_code
