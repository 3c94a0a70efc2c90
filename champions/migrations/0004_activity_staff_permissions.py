from django.db import migrations

from accounts.migration_helpers import grant_model_permissions

MODELS = ["activitylog", "activityfactor", "expenseclaim"]


def grant(apps, schema_editor):
    grant_model_permissions(apps, "champions", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("champions", "0003_activity_expenses"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
