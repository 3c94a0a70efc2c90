"""Measure one CSV export in a process of its own: rows per second and peak memory growth.

Run by bench/run.py as `python -m bench.export EMAIL PATH`; prints one JSON line. A thread
samples the resident set size every 5 ms, because ru_maxrss alone also counts start-up.
tracemalloc is not used: it slows allocation-heavy code several times over.
"""

import json
import os
import resource
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class PeakSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak = rss_bytes()
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.005)


def measure(email: str, path: str) -> dict:
    import django

    django.setup()
    from django.test import Client

    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=email))
    client.get(path.split("?")[0])  # imports, templates and caches, outside the measurement
    before = rss_bytes()
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    sampler = PeakSampler()
    sampler.start()
    started = time.perf_counter()
    response = client.get(path)
    lines = size = 0
    chunks = response.streaming_content if response.streaming else [response.content]
    first_byte = None
    for chunk in chunks:
        if first_byte is None:
            first_byte = time.perf_counter() - started
        lines += chunk.count(b"\n")
        size += len(chunk)
    seconds = time.perf_counter() - started
    sampler.running = False
    sampler.join()
    maxrss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rows = max(0, lines - 1)  # less the heading row
    return {
        "status": response.status_code,
        "streaming": response.streaming,
        "rows": rows,
        "megabytes": size / 1e6,
        "seconds": seconds,
        "first_byte_s": first_byte or seconds,
        "rows_per_s": rows / seconds if seconds else 0,
        "peak_growth_mb": (max(sampler.peak, maxrss_after) - before) / 1e6
        if maxrss_after > maxrss_before
        else (sampler.peak - before) / 1e6,
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2])))
