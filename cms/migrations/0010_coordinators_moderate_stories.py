"""Programme coordinators moderate champions' stories: their group may change and publish the
pages under each stories index that exists now, and approve the stories its workflow sends
for review (new indexes get the same from cms/services/moderation.py when created)."""

from django.db import migrations

COORDINATORS = "Programme coordinators"  # accounts.models.COORDINATORS, as of this migration
CODENAMES = ("change_page", "publish_page")


def _workflow_of(apps, page):
    """The workflow of the page's nearest ancestor (or itself) with one, as Wagtail finds it."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    steps = 4  # treebeard's path: four characters a level
    paths = [page.path[:i] for i in range(steps, len(page.path) + 1, steps)]
    found = (
        WorkflowPage.objects.filter(page__path__in=paths, workflow__active=True)
        .select_related("workflow", "page")
        .order_by("-page__depth")
        .first()
    )
    return found.workflow if found else None


def open_to_coordinators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    StoryIndexPage = apps.get_model("cms", "StoryIndexPage")
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=CODENAMES)
    )
    for index in StoryIndexPage.objects.all():
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=coordinators, page_id=index.pk, permission=permission
            )
        workflow = _workflow_of(apps, index)
        if workflow is not None:
            for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
                task.groups.add(coordinators)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_staff_groups"),
        ("cms", "0009_merge_20261130_1648"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(open_to_coordinators, migrations.RunPython.noop)]
