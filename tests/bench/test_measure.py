"""The runner's tables: each measurement judged against its target, numbers as the README
quotes them. (The measurements themselves need gunicorn, wrk and a worker: not tested here.)"""

import copy

from bench.measure.report import print_results
from bench.measure.table import table

RESULTS = {
    "scale": 0.01,
    "seconds": 10,
    "repeats": 30,
    "measured": ["export", "logged_in", "public", "reminders"],
    "gc_freeze": True,
    "data": {"migrate_s": 3.2, "load_s": 4.6, "rows": {"champions.Champion": 100}},
    "machine": {
        "date": "2026-11-30T12:00+00:00",
        "cpus": 2,
        "memory_gb": 23.5,
        "cpu_model": "AMD EPYC",
        "load_average": [1.04, 0.9, 0.8],
        "python": "3.11.7",
        "django": "5.2.19",
        "wagtail": "8.0.1",
        "celery": "5.7.0",
        "gunicorn": "27.0.1",
        "postgres": "15.20",
        "redis": "7.0.15",
        "wrk": "wrk debian/4.1.0-3+b2",
    },
    "public": [
        {"label": "Floor", "rps": 2629.4, "p50_ms": 2.93, "p99_ms": 5.15, "errors": 0},
        {
            "label": "Home",
            "rps": 2597.0,
            "ratio": 0.987,
            "p50_ms": 2.89,
            "p99_ms": 5.38,
            "errors": 0,
            "uncached_p50_ms": 115.2,
            "uncached_queries": 15,
        },
        {
            "label": "Impact",
            "rps": 2500.0,
            "ratio": 0.95,
            "p50_ms": 8.0,
            "p99_ms": 120.5,
            "errors": 3,
            "uncached_p50_ms": 22.04,
            "uncached_queries": 13,
        },
    ],
    "logged_in": [
        {"label": "Dashboard", "status": 200, "p50_ms": 15.2, "p95_ms": 18.6}
        | {"queries": 14, "queries_small": 14},
        {"label": "Queue", "status": 200, "p50_ms": 151.0, "p95_ms": 154.3}
        | {"queries": 12, "queries_small": 12},
        {"label": "Listing", "status": 200, "p50_ms": 89.8, "p95_ms": 145.0}
        | {"queries": 14, "queries_small": 13},
    ],
    "consultations": {
        "responses": 100_000,
        "results_page": {"status": 200, "p50_ms": 210.0, "p95_ms": 260.4}
        | {"queries": 20, "queries_small": 20},
        "concurrent": {
            "respondents": 50,
            "seconds": 30,
            "statuses": {"302": 900},
            "accepted": 900,
            "stored": 900,
            "exactly_once": True,
            "per_second": 30.0,
        },
    },
    "export": {
        "status": 200,
        "streaming": True,
        "aborted": None,
        "rows": 1_000_000,
        "megabytes": 231.4,
        "seconds": 32.17,
        "first_byte_s": 0.0123,
        "rows_per_s": 31086.2,
        "peak_growth_mb": 18.24,
    },
    "report_exports": [
        {"label": "Hours CSV", "status": 200, "aborted": None, "streaming": True}
        | {"megabytes": 0.052, "seconds": 0.81, "first_byte_s": 0.8, "peak_growth_mb": 3.21},
        {"label": "Hours XLSX", "status": 200, "aborted": None, "streaming": False}
        | {"megabytes": 0.031, "seconds": 0.93, "first_byte_s": 0.93, "peak_growth_mb": 140.0},
    ],
    "pack": {
        "quarter": "2026-07-01",
        "logs_in_quarter": 250_000,
        "first_s": 16.2,  # the cold build misses 15 s though the median meets it
        "median_s": 7.21,
        "max_s": 16.2,
        "figures_s": 6.93,
        "pdf_s": 0.281,
        "pdf_kb": 12.5,
    },
    "reminders": {
        "expected": 10_000,
        "sent": 10_000,
        "seconds": 47.5,
        "duplicates": 0,
        "resent_on_second_run": 0,
        "notices": 10_000,
        "per_second": 210.5,
    },
    "messaging": None,
}


def _rows(out: str) -> list[str]:
    """The table rows of the report, with the padding taken out."""
    return [" ".join(line.split()) for line in out.splitlines() if line.startswith("| ")]


def test_table_right_aligns_numbers_rounds_them_and_marks_what_missed():
    text = table(["page", "req/s", "p99 ms", "met"], [["Home", 2597.4, 5.381, True]])
    text += "\n" + table(["page", "met"], [["Impact", False], ["Floor", None]])

    assert text.splitlines() == [
        "| page | req/s | p99 ms | met |",
        "|------|------:|-------:|-----|",
        "| Home | 2,597 |   5.38 | yes |",
        "| page   | met    |",
        "|--------|--------|",
        "| Impact | **no** |",
        "| Floor  | -      |",
    ]


def test_print_results_judges_each_measurement_against_its_target(capsys):
    print_results(RESULTS)
    out = capsys.readouterr().out

    assert "(2 sync workers, gc.freeze())" in out
    assert "### Data (generated in 5 s)" in out
    assert _rows(out)[1:] == [
        "| champions.Champion | 100 |",
        "| page | req/s | x floor | p50 ms | p99 ms | errors | met | uncached p50 ms "
        "| uncached queries |",
        "| Floor | 2,629 | - | 2.93 | 5.15 | 0 | - | - | - |",
        "| Home | 2,597 | 0.99 | 2.89 | 5.38 | 0 | yes | 115 | 15 |",
        "| Impact | 2,500 | 0.95 | 8.00 | 120 | 3 | **no** | 22.0 | 13 |",  # p99 over 100
        "| page | status | p50 ms | p95 ms | queries | queries (little data) | met |",
        "| Dashboard | 200 | 15.2 | 18.6 | 14 | 14 | yes |",
        "| Queue | 200 | 151 | 154 | 12 | 12 | **no** |",  # p95 over 150
        "| Listing | 200 | 89.8 | 145 | 14 | 13 | **no** |",  # more data, more queries
        "| responses | results p95 ms | queries | queries (small survey) | respondents | seconds "
        "| accepted | stored | statuses | met |",
        "| 100,000 | 260 | 20 | 20 | 50 | 30 | 900 | 900 | {'302': 900} | yes |",
        "| rows | MB | seconds | first byte s | rows/s | peak growth MB | streamed | met |",
        "| 1,000,000 | 231 | 32.2 | 0.01 | 31,086 | 18.2 | yes | **no** |",
        "| download | MB | seconds | first byte s | peak growth MB | streamed | met |",
        "| Hours CSV | 0.05 | 0.81 | 0.80 | 3.21 | yes | yes |",
        "| Hours XLSX | 0.03 | 0.93 | 0.93 | 140 | **no** | **no** |",  # memory grew 100 MB or more
        "| quarter | activities | first s | median s | max s | figures s | PDF s | PDF KB | met |",
        "| 2026-07-01 | 250,000 | 16.2 | 7.21 | 16.2 | 6.93 | 0.28 | 12.5 | **no** |",
        "| bookings due | sent | seconds | per second | duplicates | sent again on a second run "
        "| notices recorded | met |",
        "| 10,000 | 10,000 | 47.5 | 210 | 0 | 0 | 10,000 | yes |",
    ]


def test_print_results_says_what_a_run_did_not_measure(capsys):
    results = copy.deepcopy(RESULTS)
    results.update(gc_freeze=False, logged_in=[], consultations=None, export=None, reminders=None)
    results.update(report_exports=[], pack=None)
    results["data"]["load_s"] = None

    print_results(results)
    out = capsys.readouterr().out

    assert "(2 sync workers)" in out
    assert "### Data (reused)" in out
    assert out.count("Not measured in this run.") == 7  # messaging: tests/bench/test_messaging.py
    assert "| Home " in out


def test_reminders_sent_twice_miss_the_target_however_fast(capsys):
    results = copy.deepcopy(RESULTS)
    results["reminders"].update(duplicates=1, sent=10_001)

    print_results(results)

    assert _rows(capsys.readouterr().out)[-1] == (
        "| 10,000 | 10,001 | 47.5 | 210 | 1 | 0 | 10,000 | **no** |"
    )


def test_consultations_miss_the_target_when_a_response_is_lost(capsys):
    results = copy.deepcopy(RESULTS)
    print_results(results)
    assert "| 100,000 | 260 | 20 | 20 | 50 | 30 | 900 | 900 |" in "\n".join(
        _rows(capsys.readouterr().out)
    )
    results["consultations"]["concurrent"].update(stored=899, exactly_once=False)
    print_results(results)
    consultation_row = [r for r in _rows(capsys.readouterr().out) if r.startswith("| 100,000 |")]
    assert consultation_row[0].endswith("| **no** |")
