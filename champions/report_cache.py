"""Funder report figures shared through the cache, per report and filter set (issue 15).

A year of every ward is a second or more of aggregation over the approved logs at N=1, and
coordinators open, filter and download the same report again and again. Figures are kept
REPORT_FIGURES_CACHE_SECONDS at most, and retired at once (a generation number in every key)
when what they count changes: a log approved, changed while approved or no longer approved,
its protective factors changed, a champion, ward, factor or event saved or deleted. The time
bound covers writes that send no signal (QuerySet.update, bulk_create).
"""

import datetime

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "report-figures:generation"


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def _key_part(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(getattr(value, "pk", value) or "")


def report_figures_cached(name: str, params: dict, compute):
    """`compute()`'s value for this report and these filters, shared through the cache."""
    filters = ":".join(f"{k}={_key_part(v)}" for k, v in sorted(params.items()))
    key = f"report-figures:{_generation()}:{name}:{filters}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.REPORT_FIGURES_CACHE_SECONDS)
    return value


def report_figures_clear() -> None:
    """Retire every cached report figure."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)
