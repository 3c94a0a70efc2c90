"""manage.py bench_data --settings=bench.settings: the generator on its own."""

from django.core.management.base import BaseCommand, CommandError

from bench.generate import NotEmpty, generate


class Command(BaseCommand):
    """Loads the benchmark programme into the configured (empty) database."""

    help = (
        "Fill an empty database with a deterministic programme at scale N for benchmarks "
        "(N=1: 10,000 champions, 1,000,000 registrations and activity logs). See bench/README.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=0.01, help="N (default 0.01)")

    def handle(self, *args, scale, **options):
        try:
            counts = generate(scale=scale, log=self.stdout.write)
        except (NotEmpty, ValueError) as error:
            raise CommandError(str(error)) from error
        for label, n in counts.items():
            self.stdout.write(f"  {label}: {n:,}")
        self.stdout.write(self.style.SUCCESS(f"Benchmark programme at scale {scale} loaded."))
