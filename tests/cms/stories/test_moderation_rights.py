"""Programme coordinators moderate champions' stories (DESIGN: staff "moderate stories"):
they see the home page's stories panel, open the stories it lists and approve them in the
workflow; the rights come with every stories index, and a data migration gave them on the
indexes that already existed."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission

from accounts.home_panels import WorkPanel
from accounts.models import COORDINATORS
from cms.services.stories import story_draft_submit
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import story_index

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("cms.migrations.0010_coordinators_moderate_stories")


def _sections(response):
    panels = [p for p in response.context["panels"] if isinstance(p, WorkPanel)]
    return {s.heading: s for p in panels for s in p.sections}


def _rights(index):
    return set(
        GroupPagePermission.objects.filter(page=index, group__name=COORDINATORS).values_list(
            "permission__codename", flat=True
        )
    )


def test_a_coordinator_sees_opens_and_approves_a_story_waiting(client):
    story_index()
    story = story_draft_submit(
        champion=ChampionFactory(), title="Finding my voice", summary="S", text="T"
    )
    coordinator = CoordinatorFactory()
    assert not coordinator.is_superuser and not coordinator.groups.filter(name="Moderators")
    client.force_login(coordinator)
    waiting = _sections(client.get("/admin/"))["Awaiting moderation"]
    assert [row.label for row in waiting.rows] == ["Finding my voice"]
    assert client.get(waiting.rows[0].url).status_code == 200  # the story's editor
    assert client.get(waiting.see_all_url).status_code == 200
    task_state = story.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live


def test_a_viewer_does_not_get_the_right_to_publish(client):
    story_index()
    story = story_draft_submit(
        champion=ChampionFactory(), title="Finding my voice", summary="S", text="T"
    )
    client.force_login(ViewerFactory())
    task_state = story.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    )
    story.refresh_from_db()
    assert not story.live


def test_every_new_stories_index_is_moderated_by_coordinators():
    index = story_index()
    assert _rights(index) == {"change_page", "publish_page"}
    workflow = index.get_workflow()
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
    assert tasks and all(t.groups.filter(name=COORDINATORS).exists() for t in tasks)


def test_the_migration_opens_the_indexes_that_already_existed():
    index = story_index()
    coordinators = Group.objects.get(name=COORDINATORS)
    GroupPagePermission.objects.filter(page=index).delete()
    for task in GroupApprovalTask.objects.all():
        task.groups.remove(coordinators)
    for _ in range(2):  # run twice, the same rights once
        MIGRATION.open_to_coordinators(apps, None)
    assert _rights(index) == {"change_page", "publish_page"}
    assert GroupPagePermission.objects.filter(page=index).count() == 2
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=index.get_workflow())
    assert tasks and all(t.groups.filter(name=COORDINATORS).exists() for t in tasks)
