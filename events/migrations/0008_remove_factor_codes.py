from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0007_parent_voice_factors"),
    ]

    operations = [
        migrations.RemoveField(model_name="parentvoiceitem", name="factor_codes"),
    ]
