"""Story moderation is the programme coordinators' work (DESIGN: staff "moderate stories"):
their group may change and publish pages under the stories index, and approve or reject the
stories its moderation workflow sends for review.

Applied to every stories index when it is created (cms/receivers.py) and, for the indexes that
already existed, by the data migration `cms.0010_coordinators_moderate_stories`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page

from accounts.models import COORDINATORS

STORY_PAGE_PERMISSIONS = ("change_page", "publish_page")


@transaction.atomic
def story_moderation_open_to_coordinators(*, index: Page) -> None:
    """Give the coordinators' group page rights on `index` and a place in the approval tasks
    of the workflow that moderates it. Run twice, it changes nothing the second time."""
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=STORY_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=coordinators, page=index, permission=permission
        )
    workflow = index.get_workflow()
    if workflow is None:
        return
    for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
        task.groups.add(coordinators)
