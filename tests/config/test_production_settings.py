import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3y-" + "x9Qz!pL7#vR2@mN5$wT8^bY4&cF6*hJ1(dG3)sK0" * 2
# Only read, never connected to, by `check` and `collectstatic`.
SHARED_CACHE = "redis://127.0.0.1:6379/9"


def _manage(*args, env_overrides):
    skip = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "REDIS_URL",
        "STAFF_MFA_REQUIRED",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_prints_no_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "champions.example.org",
            "REDIS_URL": SHARED_CACHE,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_startup_fails_clearly_without_secret_key():
    result = _manage(
        "check",
        env_overrides={"ALLOWED_HOSTS": "champions.example.org", "REDIS_URL": SHARED_CACHE},
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_startup_fails_clearly_without_allowed_hosts():
    result = _manage("check", env_overrides={"SECRET_KEY": STRONG_KEY, "REDIS_URL": SHARED_CACHE})
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_startup_fails_clearly_without_a_shared_cache():
    """Each worker's own memory would mean its own rate-limit counters and page cache."""
    base = {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "champions.example.org"}
    for missing in ({}, {"REDIS_URL": ""}):
        result = _manage("check", env_overrides={**base, **missing})
        assert result.returncode != 0
        assert "Set the REDIS_URL environment variable" in result.stderr


def test_production_collects_static_files_hashed_and_compressed_for_whitenoise(tmp_path):
    result = _manage(
        "collectstatic",
        "--noinput",
        env_overrides={
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "champions.example.org",
            "REDIS_URL": SHARED_CACHE,
            "STATIC_ROOT": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    hashed = [p.name for p in (tmp_path / "css").glob("site.*.css")]
    assert len(hashed) == 1, hashed
    assert (tmp_path / "css" / f"{hashed[0]}.gz").exists()
    assert (tmp_path / "staticfiles.json").exists()


def _setting(name, settings_module, **env):
    result = _manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        env_overrides={"DJANGO_SETTINGS_MODULE": settings_module, **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_staff_need_a_second_factor_in_production_but_not_in_the_demo():
    production = {
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "champions.example.org",
        "REDIS_URL": SHARED_CACHE,
    }
    assert _setting("STAFF_MFA_REQUIRED", "config.settings.production", **production) == "True"
    assert _setting("STAFF_MFA_REQUIRED", "config.settings.dev") == "False"
