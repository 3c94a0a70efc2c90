"""Supervision notes are for coordinators only: read-only viewers lose sight of them."""

from django.db import migrations

from accounts.models import VIEWERS


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    viewers = Group.objects.filter(name=VIEWERS).first()
    if viewers:
        viewers.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="champions", codename="view_supervisionnote"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("champions", "0003_renewal_reminders"),
    ]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
