"""Public pages under gunicorn, driven by wrk; the floor is a minimal Django view."""

import time

from django.apps import apps

from . import say
from .load import run_wrk
from .server import FLOOR, http_get
from .timing import count_queries, percentile, timed_gets


def public_pages() -> list[tuple[str, str]]:
    """(label, path) of one page of each public kind."""

    def first_url(label, **filters):
        return apps.get_model(label).objects.live().filter(**filters).order_by("pk").first().url

    return [
        ("Home", "/"),
        ("Story index", first_url("cms.StoryIndexPage")),
        ("A story (with consent check)", first_url("cms.StoryPage", champion__isnull=False)),
        ("An outcome", first_url("cms.OutcomePage")),
        ("Public events", first_url("cms.PublicEventsPage")),
        ("Impact", first_url("cms.ImpactPage")),
    ]


def uncached(port: int, path: str, repeats: int = 20) -> dict:
    """What a cache miss costs (after a publish or consent change clears the cache): a query
    string the page ignores makes every request a miss."""
    sep = "&" if "?" in path else "?"
    paths = (f"{path}{sep}uncached={time.time_ns()}-{i}" for i in range(repeats))
    samples, _ = timed_gets(port, paths)
    queries, _ = count_queries(f"{path}{sep}uncached=count", warm=f"{path}{sep}uncached=warm")
    return {"uncached_p50_ms": percentile(samples, 50), "uncached_queries": queries}


def _drive(port: int, path: str, seconds: int) -> dict:
    for _ in range(3):  # fill the page cache and warm the workers
        http_get(port, path)
    result = run_wrk(f"http://127.0.0.1:{port}{path}", seconds=seconds)
    return {**result.__dict__, "rps": result.rps, "errors": result.errors}


def measure_public(port: int, seconds: int) -> list[dict]:
    """The floor (driven before and after the pages; their mean), then each page with its
    throughput as a ratio of the floor's and the cost of a cache miss."""
    say("Public pages (wrk, 8 connections) ...")
    floor_before = _drive(port, FLOOR, seconds)
    say(f"  Floor (before the pages): {floor_before['rps']:,.0f} req/s")
    results = []
    for label, path in public_pages():
        r = _drive(port, path, seconds)
        miss = uncached(port, path)
        say(
            f"  {label}: {r['rps']:,.0f} req/s, p99 {r['p99_ms']:.1f} ms; uncached "
            f"p50 {miss['uncached_p50_ms']:.1f} ms, {miss['uncached_queries']} queries"
        )
        results.append({"label": label, "path": path, **r, **miss})
    floor_after = _drive(port, FLOOR, seconds)
    floor_rps = (floor_before["rps"] + floor_after["rps"]) / 2
    say(f"  Floor (after the pages): {floor_after['rps']:,.0f} req/s")
    floor = {
        "label": "Floor: minimal Django view",
        "path": FLOOR,
        **floor_after,
        "rps": floor_rps,
        "floor_before": floor_before["rps"],
        "floor_after": floor_after["rps"],
    }
    for r in results:
        r["ratio"] = r["rps"] / floor_rps
    return [floor, *results]
