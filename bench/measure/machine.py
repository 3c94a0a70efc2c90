"""What the figures were measured on: the machine, its load and the versions of the stack."""

import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

import celery
import django
import gunicorn
import wagtail
from django.db import connection

from .load import wrk_path


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text().split()
    memory_gb = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"),
        "cpus": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "cpu_model": _cpu_model(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "celery": celery.__version__,
        "gunicorn": gunicorn.__version__,
        "postgres": _postgres(),
        "redis": _redis(),
        "wrk": _output([wrk_path(), "-v"]).split("[")[0].strip(),
    }


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def _postgres() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]


def _redis() -> str:
    script = "import redis,sys;print(redis.Redis.from_url(sys.argv[1]).info()['redis_version'])"
    return _output([sys.executable, "-c", script, os.environ["REDIS_URL"]]).strip()


def _output(args: list[str]) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout  # noqa: S603
