"""Parent-voice items point at ProtectiveFactor rows instead of a JSON list of codes."""

import modelcluster.fields
from django.db import migrations


def copy_codes(apps, schema_editor):
    ParentVoiceItem = apps.get_model("events", "ParentVoiceItem")
    Through = ParentVoiceItem.protective_factors.through
    known = set(apps.get_model("champions", "ProtectiveFactor").objects.values_list("pk", flat=True))
    rows = []
    for item_id, codes in ParentVoiceItem.objects.values_list("pk", "factor_codes").iterator(2000):
        rows += [
            Through(parentvoiceitem_id=item_id, protectivefactor_id=code)
            for code in dict.fromkeys(codes or [])
            if code in known
        ]
        if len(rows) >= 2000:
            Through.objects.bulk_create(rows)
            rows = []
    Through.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ("champions", "0010_protective_factor"),
        ("events", "0006_remove_ledgers"),
    ]

    operations = [
        migrations.RenameField(
            model_name="parentvoiceitem", old_name="protective_factors", new_name="factor_codes"
        ),
        migrations.AddField(
            model_name="parentvoiceitem",
            name="protective_factors",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Optional: the factors this touches.",
                related_name="parent_voice_items",
                to="champions.protectivefactor",
            ),
        ),
        migrations.RunPython(copy_codes, migrations.RunPython.noop),
    ]
