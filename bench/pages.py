"""Logged-in pages: response times through gunicorn, SQL query counts in-process."""

import statistics
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .server import http_get


@dataclass
class PageTiming:
    label: str
    path: str
    status: int
    p50_ms: float
    p95_ms: float
    queries: int
    queries_small: int | None  # the same page for a user or record with little data


def session_cookie(user) -> str:
    """A real session in the database for `user`, as a Cookie header for gunicorn."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(user, path: str) -> tuple[int, int]:
    """(queries, status) for one in-process request through the full middleware stack."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    client.get(path)  # the first request fills per-process caches (content types, site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), response.status_code


def percentile(samples: list[float], pct: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1]


def time_page(
    port: int, *, label: str, path: str, user, small: tuple | None = None, repeats: int = 30
) -> PageTiming:
    """Sequential GETs (one visitor) after ten warm-ups, so that both gunicorn workers have
    served the page once; `small` is (user, path) for the query count of the same page with
    little data behind it."""
    headers = {"Cookie": session_cookie(user)}
    for _ in range(10):
        status, _ = http_get(port, path, headers)
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        status, _ = http_get(port, path, headers)
        samples.append((time.perf_counter() - started) * 1000)
    queries, _ = count_queries(user, path)
    queries_small = count_queries(*small)[0] if small else None
    return PageTiming(
        label=label,
        path=path,
        status=status,
        p50_ms=percentile(samples, 50),
        p95_ms=percentile(samples, 95),
        queries=queries,
        queries_small=queries_small,
    )
