"""Name the Sites framework's site (allauth's e-mails use it) after settings, not example.com."""

from django.db import migrations


def name_site(apps, schema_editor):
    from accounts.services.accounts import sites_site_sync

    sites_site_sync(site_model=apps.get_model("sites", "Site"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_outbox_message"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
