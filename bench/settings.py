"""Production settings for benchmarking on loopback: DEBUG off, PostgreSQL, Redis cache.

Only what plain HTTP on 127.0.0.1 needs is relaxed (no HTTPS redirect, no secure cookies);
everything else is config.settings.production, so the figures are production figures.
"""

import os

# Production refuses to start without these; a benchmark on loopback has no secrets to keep.
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pc_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
os.environ.setdefault("LOG_LEVEL", "WARNING")
# The bench signs staff in with a password only; production requires a second factor.
os.environ.setdefault("STAFF_MFA_REQUIRED", "False")

from config.settings.production import *  # noqa: F403
from config.settings.production import BASE_DIR, INSTALLED_APPS

DEBUG = False
ROOT_URLCONF = "bench.urls"
# Only here: the bench_data command is not part of the site.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

# Loopback is plain HTTP: no redirect to HTTPS, and cookies that travel over HTTP.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Every simulated respondent comes from 127.0.0.1: the per-address limit would stop them.
CONSULTATION_RATE_LIMIT = 1_000_000
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"

# collectstatic writes here once; the manifest is reused by later runs.
STATIC_ROOT = BASE_DIR / "bench" / "results" / "static"
MEDIA_ROOT = BASE_DIR / "bench" / "results" / "media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "bench" / "results" / "private_media"

# Where this process's tasks go: the reminders measurement gives its worker a queue of its own
# (deliveries included), so that it takes nothing another measurement left in the default one.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("BENCH_TASK_QUEUE", "celery")
