from django.db import migrations

from accounts.migration_helpers import grant_model_permissions

MODELS = [
    "area", "champion", "stagechange", "onboardingcheck", "consent", "supervisionnote",
    "trainingmodule", "trainingrecord",
]


def grant(apps, schema_editor):
    grant_model_permissions(
        apps, "champions", MODELS, extra_coordinator_codenames=["override_readiness"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("champions", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
