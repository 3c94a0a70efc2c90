"""Counts the activity summary the funder reports read afresh from every approved log.

The summary is kept in step by every change made through the models (services/
report_summary.py); run this after writing logs behind their back (COPY, QuerySet.update,
a restore), then the reports count from the new figures at once.
"""

from django.core.management.base import BaseCommand

from champions.report_cache import report_figures_clear
from champions.services.report_summary import activity_summary_rebuild


class Command(BaseCommand):
    help = "Count the funder reports' activity summary afresh from every approved log."

    def handle(self, *args, **options):
        rows = activity_summary_rebuild()
        report_figures_clear()
        self.stdout.write(f"Activity summary rebuilt: {rows} rows.")
