"""The CSV export of every activity log, measured in a process of its own."""

import json
import subprocess
import sys

from django.urls import reverse

from bench.generate import COORDINATOR_EMAIL

from . import say
from .processes import ROOT, bench_env


def export_path() -> str:
    """The CSV export of every activity log (status "All"; the listing opens on "submitted")."""
    return f"{reverse('champions_activitylog:index')}?export=csv&status="


def measure_export() -> dict:
    """Runs export_process.py as the coordinator; returns what it printed, and the path."""
    path = export_path()
    say("CSV export of all activity logs ...")
    out = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "-m", "bench.measure.export_process", COORDINATOR_EMAIL, path],
        cwd=ROOT,
        env=bench_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["path"] = path
    say(f"  {result['rows']:,} rows at {result['rows_per_s']:,.0f}/s")
    return result
