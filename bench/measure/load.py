"""Drive one URL with wrk for a fixed time at a fixed concurrency and parse its summary."""

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
INSTALL_HINT = (
    "wrk is not installed, and only root may install it here: run `sudo apt-get install wrk`"
    " (Debian/Ubuntu) or `brew install wrk` (macOS), then `make bench` again."
)
APT_FAILED = "apt-get could not install wrk (exit status {code}); install it by hand: {hint}"


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    non_2xx: int
    socket_errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit(INSTALL_HINT)
    return path


def ensure_wrk() -> str:
    """wrk's path; on a fresh machine, installs it with apt-get when the runner is root and
    apt-get is there, and otherwise stops with a message saying how to install it."""
    if path := shutil.which("wrk"):
        return path
    apt_get = shutil.which("apt-get")
    if apt_get is None or os.geteuid() != 0:
        raise SystemExit(INSTALL_HINT)
    print("wrk is missing: installing it with apt-get ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for args in (["update", "-qq"], ["install", "-y", "-qq", "wrk"]):
        done = subprocess.run([apt_get, *args], env=env, check=False)  # noqa: S603
        if done.returncode:
            raise SystemExit(APT_FAILED.format(code=done.returncode, hint=INSTALL_HINT))
    return wrk_path()


def run_wrk(
    url: str, *, seconds: int, connections: int = 8, threads: int = 2, timeout: int = 10
) -> LoadResult:
    """wrk's latency is per request, measured from the client: what a visitor would see."""
    out = subprocess.run(  # noqa: S603 - fixed argument list
        [
            wrk_path(),
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            f"--timeout={timeout}s",
            "--script",
            str(SCRIPT),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next((ln for ln in out.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{out}")
    v = {k: int(n) for k, n in re.findall(r"(\w+)=(\d+)", line)}
    return LoadResult(
        requests=v["requests"],
        seconds=v["duration_us"] / 1e6,
        p50_ms=v["p50_us"] / 1000,
        p90_ms=v["p90_us"] / 1000,
        p99_ms=v["p99_us"] / 1000,
        max_ms=v["max_us"] / 1000,
        non_2xx=v["non2xx"],
        socket_errors=v["connect"] + v["read"] + v["write"] + v["timeout"],
    )
