from django.db import migrations

from accounts.migration_helpers import grant_model_permissions

MODELS = [
    "consultation",
    "consultationquestion",
    "consultationresponse",
    "consultationanswer",
]


def grant(apps, schema_editor):
    grant_model_permissions(apps, "events", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_consultations"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
