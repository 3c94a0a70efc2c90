"""The CSV export of every activity log, and a funder report's downloads, each measured in a
process of its own (export_process.py)."""

import datetime
import json
import subprocess
import sys

from django.urls import reverse
from django.utils import timezone

from bench.generate import COORDINATOR_EMAIL

from . import say
from .processes import ROOT, bench_env


def export_path() -> str:
    """The CSV export of every activity log (status "All"; the listing opens on "submitted")."""
    return f"{reverse('champions_activitylog:index')}?export=csv&status="


def run_export(path: str) -> dict:
    """Runs export_process.py as the coordinator for `path`; returns what it printed."""
    out = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "-m", "bench.measure.export_process", COORDINATOR_EMAIL, path],
        cwd=ROOT,
        env=bench_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1]) | {"path": path}


def measure_export() -> dict:
    say("CSV export of all activity logs ...")
    result = run_export(export_path())
    say(f"  {result['rows']:,} rows at {result['rows_per_s']:,.0f}/s")
    return result


def report_export_paths() -> list[tuple[str, str]]:
    """(label, path): the largest funder report (a row per ward and month) for a whole year
    and every ward, as CSV and as XLSX."""
    today = timezone.localdate()
    year = f"start={today - datetime.timedelta(days=365):%Y-%m-%d}&end={today:%Y-%m-%d}"
    path = reverse("events_report_hours-and-reach")
    return [
        (f"Hours and reach, a year, {fmt.upper()}", f"{path}?{year}&export={fmt}")
        for fmt in ("csv", "xlsx")
    ]


def measure_report_exports() -> list[dict]:
    """Time to the last byte and peak memory growth of each download (rows are counted as
    lines, so the count means rows for the CSV only)."""
    say("Funder report downloads ...")
    results = []
    for label, path in report_export_paths():
        result = run_export(path) | {"label": label}
        say(f"  {label}: {result['seconds']:.2f} s, {result['peak_growth_mb']:.1f} MB growth")
        results.append(result)
    return results
