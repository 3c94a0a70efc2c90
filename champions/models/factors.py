from django.db import models


class ProtectiveFactor(models.Model):
    """One of the six Protective Factors (Strengthening Families) the programme reports against.

    Keyed by its code (ProtectiveFactorCode); activity logs, parent-voice items, stories and
    outcomes point at these rows, so every report can group and count by factor the same way.
    """

    code = models.CharField(max_length=30, primary_key=True)
    label = models.CharField(max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.label
