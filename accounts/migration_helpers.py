"""Used by apps' data migrations to give the staff groups rights over their models."""

from django.contrib.auth.management import create_permissions

from .models import COORDINATORS, VIEWERS


def grant_model_permissions(apps, app_label, models, extra_coordinator_codenames=()):
    """Coordinators may add, change, delete and view `models`; viewers may only view them.

    Permissions normally appear after migrations (post_migrate), so create them here first.
    """
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    perms = Permission.objects.filter(content_type__app_label=app_label)
    coordinator_codenames = [
        f"{action}_{model}" for model in models for action in ("add", "change", "delete", "view")
    ] + list(extra_coordinator_codenames)
    viewer_codenames = [f"view_{model}" for model in models]
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    coordinators.permissions.add(*perms.filter(codename__in=coordinator_codenames))
    viewers.permissions.add(*perms.filter(codename__in=viewer_codenames))
