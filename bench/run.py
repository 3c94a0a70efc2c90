"""Benchmark runner: fresh PostgreSQL database, generated programme, every measurement, one table.

    .venv/bin/python bench/run.py --scale 0.01      # `make bench`: a few minutes
    .venv/bin/python bench/run.py --scale 1         # the programme the targets are set for

It prints figures and asserts nothing; bench/README.md says what each one means.
Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/pc_bench; the
database is dropped and recreated unless --reuse), BENCH_REDIS_URL (cache, default db 6),
BENCH_BROKER_URL (Celery, default db 5).
"""

import argparse
import json
import os
import sys
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

import django  # noqa: E402

django.setup()  # the measurements import models; setting up opens no database connection

from bench.measure import say  # noqa: E402
from bench.measure.consultations import measure_consultations  # noqa: E402
from bench.measure.database import prepare  # noqa: E402
from bench.measure.export import measure_export, measure_report_exports  # noqa: E402
from bench.measure.load import ensure_wrk  # noqa: E402
from bench.measure.logged_in import measure_logged_in  # noqa: E402
from bench.measure.machine import machine  # noqa: E402
from bench.measure.messaging import run_messaging  # noqa: E402
from bench.measure.pack import measure_pack  # noqa: E402
from bench.measure.public import measure_public  # noqa: E402
from bench.measure.reminders import run_reminders  # noqa: E402
from bench.measure.report import print_results  # noqa: E402
from bench.measure.server import gunicorn  # noqa: E402

MEASUREMENTS = [
    "public",
    "logged_in",
    "consultations",
    "export",
    "report_exports",
    "pack",
    "reminders",
    "messaging",
]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--reuse", action="store_true", help="keep the database if it is there")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page")
    parser.add_argument("--repeats", type=int, default=100, help="requests per logged-in page")
    parser.add_argument(
        "--no-gc-freeze",
        dest="gc_freeze",
        action="store_false",
        help="run gunicorn without config/gunicorn.py (no gc.freeze() after start-up)",
    )
    parser.add_argument(
        "--outage", type=int, default=30, help="seconds the broker is down in the messaging drill"
    )
    parser.add_argument(
        "--only", nargs="*", choices=MEASUREMENTS, help="run only these measurements"
    )
    return parser.parse_args(argv)


def measure(args: argparse.Namespace, only: set[str], save=lambda partial: None) -> dict:
    """Runs the chosen measurements; those not chosen come back empty. `save` is given the
    results so far after each group, so that a run stopped part-way keeps what it measured."""
    results = {
        "public": [],
        "logged_in": [],
        "consultations": None,
        "export": None,
        "report_exports": [],
        "pack": None,
        "reminders": None,
        "messaging": None,
    }
    if only & {"public", "logged_in", "consultations"}:
        with gunicorn(log_path=RESULTS / "gunicorn.log", gc_freeze=args.gc_freeze) as port:
            if "public" in only:
                results["public"] = measure_public(port, args.seconds)
                save(results)
            if "logged_in" in only:
                results["logged_in"] = measure_logged_in(port, args.repeats)
                save(results)
            if "consultations" in only:
                results["consultations"] = measure_consultations(port, args.seconds)
            save(results)
    if "export" in only:
        results["export"] = measure_export()
    if "report_exports" in only:
        results["report_exports"] = measure_report_exports()
    if "pack" in only:
        results["pack"] = measure_pack()
    save(results)
    if "reminders" in only:
        results["reminders"] = run_reminders(RESULTS / "celery.log")
    if "messaging" in only:  # last: it gives a third of the champions text consent
        results["messaging"] = run_messaging(RESULTS, outage=args.outage)
    return results


def main(argv=None) -> None:
    args = parse_args(argv)
    ensure_wrk()  # install or fail now, not after loading a million rows
    RESULTS.mkdir(parents=True, exist_ok=True)
    only = set(args.only or MEASUREMENTS)
    results = {
        "scale": args.scale,
        "seconds": args.seconds,
        "repeats": args.repeats,
        "measured": sorted(only),
        "gc_freeze": args.gc_freeze,
        "data": prepare(DATABASE_URL, scale=args.scale, reuse=args.reuse),
        "machine": machine(),
    }
    out = RESULTS / f"results-{args.scale:g}.json"

    def save(partial: dict) -> None:
        out.write_text(json.dumps({**results, **partial}, indent=2, default=str))

    results.update(measure(args, only, save))
    save(results)
    print_results(results)
    say(f"\n(Saved to {out.relative_to(ROOT)}.)")


if __name__ == "__main__":
    main()
