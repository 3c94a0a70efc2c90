from django.db import models


class ActivitySummary(models.Model):
    """Approved hours and activities per ward, stage, month and protective factor, kept in the
    same transaction as every change to what they count (services/report_summary.py), so that
    the funder reports read a year from a few thousand rows instead of millions of logs.

    Only summable measures: distinct counts cannot be added up across months. Keys are plain
    values, not links, so that "no ward" and "every factor" are ordinary keys of a unique
    constraint (NULLs never conflict in one): area 0 is no ward, factor "" is every approved
    activity whatever its factors, another factor a row for each log that touched it.
    """

    month = models.DateField(help_text="The first day of the month of the activities.")
    area_pk = models.PositiveIntegerField(help_text="The champion's ward; 0 for none.")
    stage = models.CharField(max_length=20)
    factor = models.CharField(max_length=30, blank=True)
    hours = models.DecimalField(max_digits=14, decimal_places=2)
    activities = models.IntegerField()

    class Meta:
        constraints = [
            # Also the index the reports read by (a range of months).
            models.UniqueConstraint(
                fields=["month", "area_pk", "stage", "factor"], name="one_summary_row_per_key"
            ),
        ]

    def __str__(self):
        return f"{self.month:%b %Y} ward {self.area_pk} {self.stage} {self.factor or 'all'}"
