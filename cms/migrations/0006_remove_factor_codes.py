from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0005_page_factors"),
    ]

    operations = [
        migrations.RemoveField(model_name="storypage", name="factor_codes"),
        migrations.RemoveField(model_name="outcomepage", name="factor_codes"),
    ]
