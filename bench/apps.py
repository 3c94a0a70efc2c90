from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark tools as an app, for the bench_data command; only bench.settings
    installs it, so the site itself never carries it."""

    name = "bench"
    verbose_name = "Benchmarks"
