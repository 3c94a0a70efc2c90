"""bench_data: the generator as a management command, installed only by bench.settings."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command, get_commands

from bench.management.commands.bench_data import Command as BenchData
from champions.models import Champion

ROOT = Path(__file__).resolve().parents[2]


def test_the_site_settings_do_not_install_bench_data():
    assert "bench" not in settings.INSTALLED_APPS
    assert "bench_data" not in get_commands()


def test_bench_settings_install_bench_data():
    # A process of its own: bench.settings are production settings, not the tests'.
    done = subprocess.run(
        [sys.executable, "manage.py", "help", "bench_data", "--settings=bench.settings"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "--scale" in done.stdout


@pytest.mark.django_db
def test_bench_data_loads_a_programme_once(capsys):
    call_command(BenchData(), scale=0.002)

    assert "Benchmark programme at scale 0.002 loaded." in capsys.readouterr().out
    assert Champion.objects.count() == 20
    with pytest.raises(CommandError, match="already holds champions"):
        call_command(BenchData(), scale=0.002)


@pytest.mark.django_db
def test_bench_data_refuses_a_scale_of_nothing():
    with pytest.raises(CommandError, match="more than 0"):
        call_command(BenchData(), scale=0)
