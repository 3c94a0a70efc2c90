"""The results as Markdown, as bench/README.md quotes them."""

from . import say
from .table import table
from .targets import (
    TARGETS,
    consultations_met,
    export_met,
    logged_in_met,
    messaging_met,
    pack_met,
    public_met,
    reminders_met,
    report_export_met,
)


def print_results(results: dict) -> None:
    _machine(results)
    _data(results["data"])
    _public(results)
    _logged_in(results)
    _consultations(results)
    _export(results)
    _report_exports(results)
    _pack(results)
    _reminders(results)
    _messaging(results)


def _machine(results: dict) -> None:
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


def _data(data: dict) -> None:
    load = f"generated in {data['load_s']:.0f} s" if data["load_s"] is not None else "reused"
    say(f"### Data ({load})\n")
    say(table(["model", "rows"], [[k, v] for k, v in data["rows"].items()]))


def _public(results: dict) -> None:
    heading = (
        f"Public pages (wrk, {results['seconds']} s each, 8 connections; "
        f"target: ≥ {TARGETS['public_ratio']} of the floor and p99 < "
        f"{TARGETS['public_p99_ms']} ms)"
    )
    keys = ["rps", "ratio", "p50_ms", "p99_ms", "errors"]
    miss = ["uncached_p50_ms", "uncached_queries"]
    rows = [
        [r["label"], *(r.get(k) for k in keys), public_met(r), *(r.get(k) for k in miss)]
        for r in results["public"]
    ]
    headings = ["page", "req/s", "x floor", "p50 ms", "p99 ms", "errors", "met"]
    _section(heading, [*headings, "uncached p50 ms", "uncached queries"], rows)


def _logged_in(results: dict) -> None:
    heading = (
        f"Logged-in pages ({results['repeats']} sequential requests each; "
        f"target: p95 < {TARGETS['logged_in_p95_ms']} ms, constant queries)"
    )
    keys = ["label", "status", "p50_ms", "p95_ms", "queries", "queries_small"]
    rows = [[*(r[k] for k in keys), logged_in_met(r)] for r in results["logged_in"]]
    headings = ["page", "status", "p50 ms", "p95 ms", "queries", "queries (little data)"]
    _section(heading, [*headings, "met"], rows)


def _consultations(results: dict) -> None:
    c = results.get("consultations")
    heading = (
        "Consultations (target: results page p95 < 500 ms with constant queries; "
        "50 concurrent respondents with no error, each response stored exactly once)"
    )
    rows = []
    if c:
        page, run = c["results_page"], c["concurrent"]
        rows = [
            [
                c["responses"],
                page["p95_ms"],
                page["queries"],
                page["queries_small"],
                run["respondents"],
                run["seconds"],
                run["accepted"],
                run["stored"],
                run["statuses"],
                consultations_met(c),
            ]
        ]
    headings = ["responses", "results p95 ms", "queries", "queries (small survey)"]
    headings += ["respondents", "seconds", "accepted", "stored", "statuses", "met"]
    _section(heading, headings, rows)


def _export(results: dict) -> None:
    e = results["export"]
    heading = (
        f"CSV export of all activity logs (target: ≥ {TARGETS['export_rows_per_s']:,} "
        f"rows/s, peak memory growth < {TARGETS['export_growth_mb']} MB)"
    )
    keys = ["rows", "megabytes", "seconds", "first_byte_s", "rows_per_s", "peak_growth_mb"]
    headings = ["rows", "MB", "seconds", "first byte s", "rows/s", "peak growth MB"]
    rows = [[*(e[k] for k in keys), e["streaming"], export_met(e)]] if e else []
    note = None
    if e and e.get("aborted"):
        note = f"Stopped: {e['aborted']} (BENCH_EXPORT_MAX_MB) after {e['rows']:,} rows.\n"
    _section(heading, [*headings, "streamed", "met"], rows, note=note)


def _report_exports(results: dict) -> None:
    heading = (
        f"Funder report downloads, a whole year and every ward (target: streamed or small, "
        f"peak memory growth < {TARGETS['export_growth_mb']} MB)"
    )
    keys = ["label", "megabytes", "seconds", "first_byte_s", "peak_growth_mb", "streaming"]
    headings = ["download", "MB", "seconds", "first byte s", "peak growth MB", "streamed"]
    rows = [
        [*(r[k] for k in keys), report_export_met(r)] for r in results.get("report_exports") or []
    ]
    _section(heading, [*headings, "met"], rows)


def _pack(results: dict) -> None:
    p = results.get("pack")
    heading = (
        f"Quarterly impact pack PDF for the whole programme, the task's code in-process "
        f"(target: < {TARGETS['pack_s']} s)"
    )
    keys = ["quarter", "logs_in_quarter", "first_s", "median_s", "max_s", "figures_s", "pdf_s"]
    headings = ["quarter", "activities", "first s", "median s", "max s", "figures s", "PDF s"]
    rows = [[*(p[k] for k in keys), p["pdf_kb"], pack_met(p)]] if p else []
    _section(heading, [*headings, "PDF KB", "met"], rows)


def _reminders(results: dict) -> None:
    r = results["reminders"]
    heading = (
        f"Reminders through one Celery worker to an SMTP sink (target: ≥ "
        f"{TARGETS['reminders_per_s']}/s, each sent once)"
    )
    keys = ["expected", "sent", "seconds", "per_second", "duplicates", "resent_on_second_run"]
    headings = ["bookings due", "sent", "seconds", "per second", "duplicates"]
    rows = [[*(r[k] for k in keys), r["notices"], reminders_met(r)]] if r else []
    headings += ["sent again on a second run", "notices recorded", "met"]
    _section(heading, headings, rows)


def _messaging(results: dict) -> None:
    m = results.get("messaging")
    heading = (
        f"Group message to every champion through two Celery workers, to an SMTP sink and a "
        f"fake Notify with 1% HTTP 500s (target: ≥ {TARGETS['messages_per_s']}/s, every "
        "recipient exactly once; the drill: exactly once, time to drain reported)"
    )
    keys = ["champions", "expected", "email", "sms", "sent", "seconds", "per_second"]
    keys += ["duplicates", "missing", "notify_500s", "retried"]
    headings = ["run", "champions", "recipients", "e-mails", "texts", "delivered", "seconds"]
    headings += ["per second", "duplicates", "missing", "Notify 500s", "retried"]
    rows = []
    if m:
        drill = m["drill"]
        drained = f"drill: broker down {drill['outage_s']} s, a worker killed at "
        drained += f"{drill['killed_at_s']:.0f} s; drained {drill['drain_s']:.0f} s after "
        drained += "the broker was back"
        rows = [
            ["plain", *(m["plain"][k] for k in keys), messaging_met(m["plain"])],
            [drained, *(drill[k] for k in keys), messaging_met(drill, timed=False)],
        ]
    _section(heading, [*headings, "met"], rows)


def _section(heading: str, headings: list[str], rows: list[list], note=None) -> None:
    say(f"\n### {heading}\n")
    if not rows:
        say("Not measured in this run.")
        return
    if note:
        say(note)
    say(table(headings, rows))
