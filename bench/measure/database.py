"""The database the measurements run against: recreated, migrated, filled and analysed."""

import time
from urllib.parse import urlsplit

import psycopg
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from bench.generate import generate, rows_by_model
from bench.generate.people import programme_exists

from . import say


def recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(url: str, *, scale: float, reuse: bool) -> dict:
    """Returns what was loaded and how long it took."""
    if not reuse:
        say(f"Recreating {url.rsplit('/', 1)[-1]} ...")
        recreate_database(url)
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    call_command("collectstatic", verbosity=0, interactive=False)
    load_s = None
    if not programme_exists():
        say(f"Generating the programme at scale {scale} ...")
        started = time.perf_counter()
        generate(scale=scale, log=say)
        load_s = time.perf_counter() - started
    analyze()
    cache.clear()  # the bench cache database only (BENCH_REDIS_URL)
    return {"migrate_s": migrate_s, "load_s": load_s, "rows": dict(rows_by_model())}


def analyze() -> None:
    """Fresh statistics and visibility maps, as autovacuum gives a long-running database.

    Rows that COPY has just written are not yet marked all-visible, so without VACUUM every
    count reads the table itself rather than the index alone (counting the 100,000 logs
    waiting for review at N=1: 1,022 ms before, 35 ms after, on a loaded machine); autovacuum
    would have vacuumed them after so many inserts."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
