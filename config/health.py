"""Health checks for load balancers: /health/live (the process answers) and /health/ready.

Ready means the database, the cache, the broker and both storages answer; otherwise it is a 503
that names what failed. A middleware at the top of the stack answers both paths before host
checks, the HTTPS redirect, sessions, the page cache and the request log, so a probe every few
seconds costs a few milliseconds, is never cached and is not logged unless something fails.
"""

import logging
import os
import time
import uuid
from functools import cache as memoize
from pathlib import Path

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers
from kombu import Connection

logger = logging.getLogger("config.health")

TIMEOUT_SECONDS = 2


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was written")
    cache.delete(key)


@memoize
def _redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(
        url, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
    )


def check_broker() -> None:
    url = settings.CELERY_BROKER_URL
    if not url:
        return  # no broker: tasks run in-process
    if url.startswith(("redis://", "rediss://")):
        _redis(url).ping()
        return
    with Connection(url, connect_timeout=TIMEOUT_SECONDS) as connection:
        connection.ensure_connection(max_retries=1)


def check_storage() -> None:
    for alias in ("default", "private"):
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            Path(storage.location).mkdir(parents=True, exist_ok=True)
            if not os.access(storage.location, os.W_OK):
                raise PermissionError(f"{alias} storage is not writable")
        else:  # S3: the bucket exists and these credentials reach it
            storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "storage": check_storage,
}


def readiness() -> tuple[bool, dict]:
    """Runs every check; returns whether all passed and each one's result."""
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # any failure means "not ready", whatever raised it
            logger.warning("health check %s failed: %r", name, error, extra={"check": name})
            status = "failed"
        else:
            status = "ok"
        results[name] = {
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
    return all(r["status"] == "ok" for r in results.values()), results


def _answer(body: dict, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """Answers /health/live and /health/ready; every other request goes on down the stack."""

    PATHS = {"/health/live": "live", "/health/ready": "ready"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = self.PATHS.get(request.path_info.rstrip("/"))
        if probe is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if probe == "live":
            return _answer({"status": "ok"}, 200)
        ready, checks = readiness()
        failed = [name for name, result in checks.items() if result["status"] != "ok"]
        # The reason for a failure is logged, not shown: it may name internal hosts.
        body = {"status": "ok" if ready else "failed", "failed": failed, "checks": checks}
        return _answer(body, 200 if ready else 503)
