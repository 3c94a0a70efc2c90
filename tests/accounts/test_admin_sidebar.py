"""The admin sidebar is drawn once per user and served from the cache on later pages, and drawn
afresh when the user's groups, a group's permissions or the user change."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models.user import VIEWERS
from champions.models.safeguarding import SAFEGUARDING_LEADS
from tests.factories.accounts import CoordinatorFactory, ViewerFactory

pytestmark = pytest.mark.django_db


def _sidebar(client, path="/admin/champion/"):
    html = client.get(path).content.decode()
    return re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1]


def test_a_later_page_draws_the_sidebar_from_the_cache(client):
    client.force_login(CoordinatorFactory())
    first = _sidebar(client)
    with CaptureQueriesContext(connection) as captured:
        assert _sidebar(client, "/admin/events/") == first
    assert not [q for q in captured if "wagtailcore_grouppagepermission" in q["sql"]]


def test_joining_a_group_shows_its_menu_at_once(client):
    user = CoordinatorFactory()
    client.force_login(user)
    assert "Safeguarding log" not in _sidebar(client)
    user.groups.add(Group.objects.get(name=SAFEGUARDING_LEADS))
    assert "Safeguarding log" in _sidebar(client)


def test_a_group_losing_a_permission_loses_its_menu_at_once(client):
    client.force_login(ViewerFactory())
    assert "Stage history" in _sidebar(client)
    viewers = Group.objects.get(name=VIEWERS)
    stage_changes = Permission.objects.filter(codename="view_stagechange")
    viewers.permissions.remove(*stage_changes)
    assert "Stage history" not in _sidebar(client)


def test_each_user_gets_their_own_name(client):
    for name in ("Ayesha", "Bernard"):
        client.force_login(CoordinatorFactory(first_name=name))
        assert f'"name": "{name}"' in _sidebar(client)


def test_a_renamed_user_sees_their_new_name(client):
    user = CoordinatorFactory(first_name="Ayesha")
    client.force_login(user)
    assert '"name": "Ayesha"' in _sidebar(client)
    user.first_name = "Aisha"
    user.save()
    assert '"name": "Aisha"' in _sidebar(client)
