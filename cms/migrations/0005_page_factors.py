"""Stories and outcomes point at ProtectiveFactor rows instead of an unvalidated JSON field."""

import modelcluster.fields
from django.db import migrations

PAGES = [("storypage", "stories"), ("outcomepage", "outcomes")]


def copy_codes(apps, schema_editor):
    known = set(apps.get_model("champions", "ProtectiveFactor").objects.values_list("pk", flat=True))
    for model_name, _ in PAGES:
        Page = apps.get_model("cms", model_name)
        Through = Page.protective_factors.through
        page_field = f"{model_name}_id"
        rows = [
            Through(**{page_field: page_id, "protectivefactor_id": code})
            for page_id, codes in Page.objects.values_list("pk", "factor_codes")
            for code in dict.fromkeys(codes if isinstance(codes, list) else [])
            if code in known
        ]
        Through.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ("champions", "0010_protective_factor"),
        ("cms", "0004_public_events_impact_voice"),
    ]

    operations = [
        *[
            migrations.RenameField(
                model_name=model_name, old_name="protective_factors", new_name="factor_codes"
            )
            for model_name, _ in PAGES
        ],
        *[
            migrations.AddField(
                model_name=model_name,
                name="protective_factors",
                field=modelcluster.fields.ParentalManyToManyField(
                    blank=True,
                    help_text="The Protective Factors this touches.",
                    related_name=related_name,
                    to="champions.protectivefactor",
                ),
            )
            for model_name, related_name in PAGES
        ],
        migrations.RunPython(copy_codes, migrations.RunPython.noop),
    ]
