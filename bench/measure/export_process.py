"""Measure one CSV export in a process of its own: rows per second and peak memory growth.

Run by bench/measure/export.py as `python -m bench.measure.export_process EMAIL PATH`; prints
one JSON line. A thread samples the resident set size every 5 ms, because ru_maxrss alone
also counts start-up. tracemalloc is not used: it slows allocation-heavy code several times
over.
"""

import json
import os
import resource
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")
# An export that does not stream can take the machine's memory with it: stop it past this.
LIMIT_MB = int(os.environ.get("BENCH_EXPORT_MAX_MB", "4000"))


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class Progress:
    """What the response has delivered so far."""

    def __init__(self):
        self.lines = 0
        self.size = 0
        self.first_byte: float | None = None
        self.started = time.perf_counter()
        self.ended: float | None = None

    def add(self, chunk: bytes) -> None:
        if self.first_byte is None:
            self.first_byte = time.perf_counter() - self.started
        self.lines += chunk.count(b"\n")
        self.size += len(chunk)

    def result(self, *, growth: float, status=None, streaming=None, aborted=None) -> dict:
        seconds = (self.ended or time.perf_counter()) - self.started
        rows = max(0, self.lines - 1)  # less the heading row
        return {
            "status": status,
            "streaming": streaming,
            "aborted": aborted,
            "rows": rows,
            "megabytes": self.size / 1e6,
            "seconds": seconds,
            "first_byte_s": self.first_byte if aborted else self.first_byte or seconds,
            "rows_per_s": rows / seconds if seconds else 0,
            "peak_growth_mb": growth / 1e6,
        }


class PeakSampler(threading.Thread):
    """Records the peak RSS; past LIMIT_MB it prints what it has and ends the process."""

    def __init__(self, progress: Progress):
        super().__init__(daemon=True)
        self.before = rss_bytes()
        self.peak = self.before
        self.running = True
        self.progress = progress

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_bytes())
            if self.peak - self.before > LIMIT_MB * 1e6:
                aborted = f"memory grew past {LIMIT_MB:,} MB"
                result = self.progress.result(growth=self.peak - self.before, aborted=aborted)
                print(json.dumps(result), flush=True)
                os._exit(0)
            time.sleep(0.005)


def measure(email: str, path: str) -> dict:
    import django

    django.setup()  # this module runs on its own: Django is set up here, before the models
    from django.test import Client

    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=email))
    client.get(path.split("?")[0])  # imports, templates and caches, outside the measurement
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    progress = Progress()
    sampler = PeakSampler(progress)
    sampler.start()
    response = client.get(path)
    for chunk in response.streaming_content if response.streaming else [response.content]:
        progress.add(chunk)
    progress.ended = time.perf_counter()
    sampler.running = False
    sampler.join()
    maxrss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    peak = max(sampler.peak, maxrss_after) if maxrss_after > maxrss_before else sampler.peak
    return progress.result(
        growth=peak - sampler.before, status=response.status_code, streaming=response.streaming
    )


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2])))
