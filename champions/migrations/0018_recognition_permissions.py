from django.db import migrations

from accounts.migration_helpers import grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, "champions", ["commendation", "milestone"])


class Migration(migrations.Migration):
    dependencies = [("champions", "0017_recognition")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
