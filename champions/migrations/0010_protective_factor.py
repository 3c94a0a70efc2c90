"""Protective factors become rows, keyed by the codes already stored everywhere."""

from django.db import migrations, models

# The six factors as they were named when this migration was written (code, label).
FACTORS = [
    ("nurturing", "Nurturing and attachment"),
    ("knowledge", "Knowledge of parenting and child development"),
    ("resilience", "Parental resilience"),
    ("connections", "Social connections"),
    ("concrete_support", "Concrete support in times of need"),
    ("child_competence", "Social and emotional competence of children"),
]


def create_factors(apps, schema_editor):
    ProtectiveFactor = apps.get_model("champions", "ProtectiveFactor")
    for order, (code, label) in enumerate(FACTORS):
        ProtectiveFactor.objects.update_or_create(
            code=code, defaults={"label": label, "sort_order": order}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("champions", "0009_remove_ledgers"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProtectiveFactor",
            fields=[
                ("code", models.CharField(max_length=30, primary_key=True, serialize=False)),
                ("label", models.CharField(max_length=100, unique=True)),
                ("sort_order", models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                "ordering": ["sort_order", "code"],
            },
        ),
        migrations.RunPython(create_factors, migrations.RunPython.noop),
    ]
