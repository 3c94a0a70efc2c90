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


# An export that does not stream can take the machine's memory with it: stop it past this.
LIMIT_MB = int(os.environ.get("BENCH_EXPORT_MAX_MB", "4000"))


class PeakSampler(threading.Thread):
    """Records the peak RSS; past LIMIT_MB it prints what it has and ends the process."""

    def __init__(self, progress: dict):
        super().__init__(daemon=True)
        self.before = rss_bytes()
        self.peak = self.before
        self.running = True
        self.progress = progress

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_bytes())
            if self.peak - self.before > LIMIT_MB * 1e6:
                seconds = time.perf_counter() - self.progress["started"]
                rows = max(0, self.progress["lines"] - 1)
                print(
                    json.dumps(
                        {
                            "status": None,
                            "streaming": None,
                            "aborted": f"memory grew past {LIMIT_MB:,} MB",
                            "rows": rows,
                            "megabytes": self.progress["size"] / 1e6,
                            "seconds": seconds,
                            "first_byte_s": self.progress["first_byte"],
                            "rows_per_s": rows / seconds,
                            "peak_growth_mb": (self.peak - self.before) / 1e6,
                        }
                    ),
                    flush=True,
                )
                os._exit(0)
            time.sleep(0.005)


def measure(email: str, path: str) -> dict:
    import django

    django.setup()
    from django.test import Client

    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=email))
    client.get(path.split("?")[0])  # imports, templates and caches, outside the measurement
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    progress = {"lines": 0, "size": 0, "first_byte": None, "started": time.perf_counter()}
    sampler = PeakSampler(progress)
    sampler.start()
    response = client.get(path)
    chunks = response.streaming_content if response.streaming else [response.content]
    for chunk in chunks:
        if progress["first_byte"] is None:
            progress["first_byte"] = time.perf_counter() - progress["started"]
        progress["lines"] += chunk.count(b"\n")
        progress["size"] += len(chunk)
    seconds = time.perf_counter() - progress["started"]
    sampler.running = False
    sampler.join()
    maxrss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    peak = max(sampler.peak, maxrss_after) if maxrss_after > maxrss_before else sampler.peak
    rows = max(0, progress["lines"] - 1)  # less the heading row
    return {
        "status": response.status_code,
        "streaming": response.streaming,
        "aborted": None,
        "rows": rows,
        "megabytes": progress["size"] / 1e6,
        "seconds": seconds,
        "first_byte_s": progress["first_byte"] or seconds,
        "rows_per_s": rows / seconds if seconds else 0,
        "peak_growth_mb": (peak - sampler.before) / 1e6,
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2])))
