"""Benchmark runner: fresh PostgreSQL database, generated programme, every measurement, one table.

    .venv/bin/python bench/run.py --scale 0.01      # `make bench`: a few minutes
    .venv/bin/python bench/run.py --scale 1         # the programme the targets are set for

It prints figures and asserts nothing; bench/README.md says what each one means.
Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/pc_bench; the
database is dropped and recreated unless --reuse), BENCH_REDIS_URL (cache, default db 6),
BENCH_BROKER_URL (Celery, default db 5).
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pc_bench")
os.environ.update(
    DJANGO_SETTINGS_MODULE="bench.settings",
    DATABASE_URL=DATABASE_URL,
    REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
    CELERY_BROKER_URL=os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/5"),
)

from bench import report  # noqa: E402
from bench.load import run_wrk, wrk_path  # noqa: E402

TARGETS = {
    "public_ratio": 0.5,
    "public_p99_ms": 100,
    "logged_in_p95_ms": 150,
    "export_rows_per_s": 50_000,
    "export_growth_mb": 100,
    "reminders_per_s": 200,
}


def say(message: str) -> None:
    print(message, flush=True)


# Database
# ------------------------------------------------------------------------------


def recreate_database(url: str) -> None:
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(args) -> dict:
    """Returns what was loaded and how long it took."""
    import django
    from django.core.management import call_command

    if not args.reuse:
        say(f"Recreating {DATABASE_URL.rsplit('/', 1)[-1]} ...")
        recreate_database(DATABASE_URL)
    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    call_command("collectstatic", verbosity=0, interactive=False)
    from bench.generate import generate, rows_by_model
    from champions.models import Champion

    load_s = None
    if not Champion.objects.exists():
        say(f"Generating the programme at scale {args.scale} ...")
        started = time.perf_counter()
        generate(scale=args.scale, log=say)
        load_s = time.perf_counter() - started
    with_analyze()
    from django.core.cache import cache

    cache.clear()  # the bench cache database only (BENCH_REDIS_URL)
    return {"migrate_s": migrate_s, "load_s": load_s, "rows": dict(rows_by_model())}


def with_analyze() -> None:
    """Fresh statistics, as autovacuum would give a long-running database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# Public pages
# ------------------------------------------------------------------------------


def public_pages() -> list[tuple[str, str | None]]:
    """(label, path or None when the page type does not exist yet)."""
    from django.apps import apps

    def first_url(label, **filters):
        try:
            model = apps.get_model(label)
        except LookupError:
            return None
        page = model.objects.live().filter(**filters).order_by("pk").first()
        return page.url if page else None

    return [
        ("Home", "/"),
        ("Story index", first_url("cms.StoryIndexPage")),
        ("A story (with consent check)", first_url("cms.StoryPage", champion__isnull=False)),
        ("An outcome", first_url("cms.OutcomePage")),
        ("Public events", first_url("cms.PublicEventsPage") or _url("events:public")),
        ("Impact", first_url("cms.ImpactPage")),
    ]


def _load_dict(result) -> dict:
    return {**result.__dict__, "rps": result.rps, "errors": result.errors}


def _uncached(port: int, path: str, repeats: int = 20) -> dict:
    """What a cache miss costs (after a publish or consent change clears the cache): a query
    string the page ignores makes every request a miss."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import percentile
    from bench.server import http_get

    sep = "&" if "?" in path else "?"
    samples = []
    for i in range(repeats):
        started = time.perf_counter()
        http_get(port, f"{path}{sep}uncached={time.time_ns()}-{i}")
        samples.append((time.perf_counter() - started) * 1000)
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(f"{path}{sep}uncached=warm")
    with CaptureQueriesContext(connection) as captured:
        client.get(f"{path}{sep}uncached=count")
    return {"uncached_p50_ms": percentile(samples, 50), "uncached_queries": len(captured)}


def measure_public(port: int, seconds: int) -> list[dict]:
    from bench.server import http_get

    def drive(path):
        for _ in range(3):  # fill the page cache and warm the workers
            http_get(port, path)
        return run_wrk(f"http://127.0.0.1:{port}{path}", seconds=seconds)

    say("Public pages (wrk, 8 connections) ...")
    floor_before = drive("/bench/floor/")
    results = []
    for label, path in public_pages():
        if path is None:
            results.append({"label": label, "path": None})
            continue
        r = drive(path)
        uncached = _uncached(port, path)
        say(
            f"  {label}: {r.rps:,.0f} req/s, p99 {r.p99_ms:.1f} ms; uncached "
            f"p50 {uncached['uncached_p50_ms']:.1f} ms, {uncached['uncached_queries']} queries"
        )
        results.append({"label": label, "path": path, **_load_dict(r), **uncached})
    floor_after = drive("/bench/floor/")
    floor_rps = (floor_before.rps + floor_after.rps) / 2
    floor = {
        "label": "Floor: minimal Django view",
        "path": "/bench/floor/",
        **_load_dict(floor_after),
        "rps": floor_rps,
        "floor_before": floor_before.rps,
        "floor_after": floor_after.rps,
    }
    for r in results:
        if r.get("path"):
            r["ratio"] = r["rps"] / floor_rps
    return [floor, *results]


# Logged-in pages
# ------------------------------------------------------------------------------


def logged_in_pages() -> list[dict]:
    """Each: label, path, user, and `small` (user, path) for the query-count comparison.

    Pages that are not built yet come back with path None.
    """
    from django.db.models import Count

    from accounts.models import User
    from bench.generate import COORDINATOR_EMAIL
    from champions.models import Champion

    # The champions with the most and the fewest activity logs (or bookings, before logs).
    active = Champion.objects.filter(stage="active").select_related("user")
    rows = "activity_logs" if hasattr(Champion, "activity_logs") else "registrations"
    busy = active.annotate(n=Count(rows)).order_by("-n", "pk").first()
    quiet = active.annotate(n=Count(rows)).order_by("n", "pk").first()
    staff = User.objects.get(email=COORDINATOR_EMAIL)
    url = _url

    pages = [
        {
            "label": "Champion dashboard",
            "path": url("champions:dashboard"),
            "user": busy.user,
            "small": (quiet.user, url("champions:dashboard")),
        },
    ]
    pages += extra_logged_in_pages(busy=busy, quiet=quiet, staff=staff, url=url)
    return pages


def extra_logged_in_pages(*, busy, quiet, staff, url) -> list[dict]:
    """Staff pages, and champion pages of later capabilities. The "little data" comparison
    is the same page for a quieter champion, or the listing narrowed to one row."""
    from django.db.models import Count

    from bench.generate import REGISTER_TITLE
    from events.models import Event

    def narrowed(path, query):
        return f"{path}?{query}" if path else None

    listing = url("champion:index")
    queue = url("activitylog:index")
    register = Event.objects.get(title=REGISTER_TITLE)
    small_event = (
        Event.objects.filter(kind=register.kind)
        .annotate(n=Count("registrations"))
        .filter(n__gt=0)
        .order_by("n", "pk")
        .first()
    )
    return [
        {
            "label": "My activity",
            "path": url("activity:list"),
            "user": busy.user,
            "small": (quiet.user, url("activity:list")),
        },
        {
            "label": "Admin: champions listing",
            "path": listing,
            "user": staff,
            "small": (staff, narrowed(listing, f"q={quiet.user.email}")),
        },
        {
            "label": "Admin: activity review queue",
            "path": queue,
            "user": staff,
            "small": (staff, narrowed(queue, f"status=&champion={quiet.user.email}")),
        },
        {
            "label": f"Admin: attendance register ({register.registrations.count()} bookings)",
            "path": url("events_admin:register", register.pk),
            "user": staff,
            "small": (staff, url("events_admin:register", small_event.pk)),
        },
    ]


def measure_logged_in(port: int, repeats: int) -> list[dict]:
    from bench.pages import time_page

    say("Logged-in pages ...")
    results = []
    for page in logged_in_pages():
        if page["path"] is None:
            results.append({"label": page["label"], "path": None})
            continue
        small = page.get("small")
        timing = time_page(
            port,
            label=page["label"],
            path=page["path"],
            user=page["user"],
            small=small if small and small[1] else None,
            repeats=repeats,
        )
        say(f"  {timing.label}: p95 {timing.p95_ms:.1f} ms, {timing.queries} queries")
        results.append(timing.__dict__)
    return results


# Export
# ------------------------------------------------------------------------------


def export_path() -> str | None:
    """The CSV export of every activity log (status "All"; the listing opens on "submitted")."""
    index = _url("activitylog:index")
    return f"{index}?export=csv&status=" if index else None


def _url(name, *args) -> str | None:
    """The path, or None while the capability that provides it is not merged."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def measure_export() -> dict | None:
    from bench.generate import COORDINATOR_EMAIL

    path = export_path()
    if path is None:
        return None
    say("CSV export of all activity logs ...")
    out = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "-m", "bench.export", COORDINATOR_EMAIL, path],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["path"] = path
    say(f"  {result['rows']:,} rows at {result['rows_per_s']:,.0f}/s")
    return result


# Reminders
# ------------------------------------------------------------------------------


def measure_reminders_run() -> dict | None:
    """Reminders for every booking on an event inside the reminder window."""
    try:
        from accounts.models import OutboxMessage
        from events.tasks.notices import send_event_reminders
    except ImportError:
        return None
    from django.utils import timezone

    from bench.reminders import measure_reminders
    from events.models import EventsSettings, Registration

    now = timezone.now()
    expected = Registration.objects.filter(
        status="booked",
        event__status="scheduled",
        event__starts_at__gt=now,
        event__starts_at__lte=now
        + datetime.timedelta(hours=EventsSettings.load().event_reminder_hours),
    ).count()
    say(f"Reminders for {expected:,} bookings through a Celery worker ...")
    result = measure_reminders(
        task=send_event_reminders,
        expected=expected,
        count_notices=lambda: OutboxMessage.objects.filter(
            key__endswith=".reminder", status="sent"
        ).count(),
        log_path=RESULTS / "celery.log",
    )
    say(f"  {result.sent:,} sent at {result.per_second:,.0f}/s")
    return {**result.__dict__, "per_second": result.per_second}


# The table
# ------------------------------------------------------------------------------


def machine() -> dict:
    import django
    import wagtail

    meminfo = Path("/proc/meminfo").read_text().split()
    memory_gb = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    redis = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import redis,sys;print(redis.Redis.from_url(sys.argv[1]).info()['redis_version'])",
            os.environ["REDIS_URL"],
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    wrk = (
        subprocess.run(  # noqa: S603
            [wrk_path(), "-v"], capture_output=True, text=True, check=False
        )
        .stdout.split("[")[0]
        .strip()
    )
    import celery
    import gunicorn

    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"),
        "cpus": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "cpu_model": _cpu_model(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "celery": celery.__version__,
        "gunicorn": gunicorn.__version__,
        "postgres": postgres,
        "redis": redis,
        "wrk": wrk,
    }


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def print_results(results: dict) -> None:
    m = results["machine"]
    say(
        f"\n## Results at scale {results['scale']} ({m['date']})\n\n"
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gb']} GB memory, "
        f"load average {m['load_average'][0]:.1f} at the start. "
        f"Python {m['python']}, Django {m['django']}, Wagtail {m['wagtail']}, "
        f"Celery {m['celery']}, gunicorn {m['gunicorn']} (2 sync workers"
        f"{', gc.freeze()' if results.get('gc_freeze') else ''}), "
        f"PostgreSQL {m['postgres']}, Redis {m['redis']}, {m['wrk']}.\n"
    )
    data = results["data"]
    load = f"generated in {data['load_s']:.0f} s" if data["load_s"] is not None else "reused"
    say(f"### Data ({load})\n")
    say(report.table(["model", "rows"], [[k, v] for k, v in data["rows"].items()]))

    say(
        f"\n### Public pages (wrk, {results['seconds']} s each, 8 connections; "
        f"target: ≥ {TARGETS['public_ratio']} of the floor and p99 < "
        f"{TARGETS['public_p99_ms']} ms)\n"
    )
    if not results["public"]:
        say("Not measured in this run.")
    rows = []
    for r in results["public"]:
        if not r.get("path"):
            rows.append([r["label"], None, None, None, None, None, "not built yet", None, None])
            continue
        ratio = r.get("ratio")
        met = None
        if ratio is not None:
            met = ratio >= TARGETS["public_ratio"] and r["p99_ms"] < TARGETS["public_p99_ms"]
        rows.append(
            [
                r["label"],
                r["rps"],
                ratio,
                r["p50_ms"],
                r["p99_ms"],
                r["errors"],
                met,
                r.get("uncached_p50_ms"),
                r.get("uncached_queries"),
            ]
        )
    say(
        report.table(
            [
                "page",
                "req/s",
                "x floor",
                "p50 ms",
                "p99 ms",
                "errors",
                "met",
                "uncached p50 ms",
                "uncached queries",
            ],
            rows,
        )
    )

    say(
        f"\n### Logged-in pages ({results['repeats']} sequential requests each; "
        f"target: p95 < {TARGETS['logged_in_p95_ms']} ms, constant queries)\n"
    )
    if not results["logged_in"]:
        say("Not measured in this run.")
    rows = []
    for r in results["logged_in"]:
        if not r.get("path"):
            rows.append([r["label"], None, None, None, None, None, "not built yet"])
            continue
        # More data must not mean more queries (less data may take one more, for a filter).
        constant = r["queries_small"] is None or r["queries"] <= r["queries_small"]
        met = r["status"] == 200 and r["p95_ms"] < TARGETS["logged_in_p95_ms"] and constant
        rows.append(
            [
                r["label"],
                r["status"],
                r["p50_ms"],
                r["p95_ms"],
                r["queries"],
                r["queries_small"],
                met,
            ]
        )
    say(
        report.table(
            ["page", "status", "p50 ms", "p95 ms", "queries", "queries (little data)", "met"],
            rows,
        )
    )

    e = results["export"]
    say(
        f"\n### CSV export of all activity logs (target: ≥ {TARGETS['export_rows_per_s']:,} "
        f"rows/s, peak memory growth < {TARGETS['export_growth_mb']} MB)\n"
    )
    if "export" not in results["measured"]:
        say("Not measured in this run.")
    elif e is None:
        say("Not built yet.")
    else:
        if e.get("aborted"):
            say(f"Stopped: {e['aborted']} (BENCH_EXPORT_MAX_MB) after {e['rows']:,} rows.\n")
        met = (
            e["status"] == 200
            and e["rows_per_s"] >= TARGETS["export_rows_per_s"]
            and e["peak_growth_mb"] < TARGETS["export_growth_mb"]
        )
        say(
            report.table(
                [
                    "rows",
                    "MB",
                    "seconds",
                    "first byte s",
                    "rows/s",
                    "peak growth MB",
                    "streamed",
                    "met",
                ],
                [
                    [
                        e["rows"],
                        e["megabytes"],
                        e["seconds"],
                        e["first_byte_s"],
                        e["rows_per_s"],
                        e["peak_growth_mb"],
                        e["streaming"],
                        met,
                    ]
                ],
            )
        )

    r = results["reminders"]
    say(
        f"\n### Reminders through one Celery worker to an SMTP sink (target: ≥ "
        f"{TARGETS['reminders_per_s']}/s, each sent once)\n"
    )
    if "reminders" not in results["measured"]:
        say("Not measured in this run.")
    elif r is None:
        say("Not built yet.")
    else:
        once = (
            r["duplicates"] == 0
            and r["resent_on_second_run"] == 0
            and r["sent"] == r["expected"] == r["notices"]
        )
        met = once and r["per_second"] >= TARGETS["reminders_per_s"]
        say(
            report.table(
                [
                    "bookings due",
                    "sent",
                    "seconds",
                    "per second",
                    "duplicates",
                    "sent again on a second run",
                    "notices recorded",
                    "met",
                ],
                [
                    [
                        r["expected"],
                        r["sent"],
                        r["seconds"],
                        r["per_second"],
                        r["duplicates"],
                        r["resent_on_second_run"],
                        r["notices"],
                        met,
                    ]
                ],
            )
        )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--reuse", action="store_true", help="keep the database if it is there")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page")
    parser.add_argument("--repeats", type=int, default=30, help="requests per logged-in page")
    parser.add_argument(
        "--no-gc-freeze",
        dest="gc_freeze",
        action="store_false",
        help="run gunicorn without config/gunicorn.py (no gc.freeze() after start-up)",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        choices=["public", "logged_in", "export", "reminders"],
        help="run only these measurements",
    )
    args = parser.parse_args(argv)
    wrk_path()  # fail now, not after loading a million rows
    RESULTS.mkdir(parents=True, exist_ok=True)
    only = set(args.only or ["public", "logged_in", "export", "reminders"])

    results = {
        "scale": args.scale,
        "seconds": args.seconds,
        "repeats": args.repeats,
        "measured": sorted(only),
        "gc_freeze": args.gc_freeze,
    }
    results["data"] = prepare(args)
    results["machine"] = machine()
    results["public"] = results["logged_in"] = []
    results["export"] = results["reminders"] = None

    from bench.server import gunicorn

    if only & {"public", "logged_in"}:
        with gunicorn(log_path=RESULTS / "gunicorn.log", gc_freeze=args.gc_freeze) as port:
            if "public" in only:
                results["public"] = measure_public(port, args.seconds)
            if "logged_in" in only:
                results["logged_in"] = measure_logged_in(port, args.repeats)
    if "export" in only:
        results["export"] = measure_export()
    if "reminders" in only:
        results["reminders"] = measure_reminders_run()

    out = RESULTS / f"results-{args.scale:g}.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    print_results(results)
    say(f"\n(Saved to {out.relative_to(ROOT)}.)")


if __name__ == "__main__":
    main()
