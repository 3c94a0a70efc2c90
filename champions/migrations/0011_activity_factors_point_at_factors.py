"""An activity's factor rows point at the ProtectiveFactor rows; the column and its codes stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("champions", "0010_protective_factor"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="activityfactor",
            options={"ordering": ["activity_id", "factor_id"]},
        ),
        migrations.AlterField(
            model_name="activityfactor",
            name="factor",
            field=models.ForeignKey(
                db_column="factor",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="champions.protectivefactor",
            ),
        ),
        migrations.AddField(
            model_name="activitylog",
            name="protective_factors",
            field=models.ManyToManyField(
                blank=True,
                related_name="activity_logs",
                through="champions.ActivityFactor",
                to="champions.protectivefactor",
            ),
        ),
    ]
