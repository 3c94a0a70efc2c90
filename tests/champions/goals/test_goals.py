"""Goals a champion agrees with their coordinator: seen and worked on by those two only."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.models import Goal, GoalNote
from champions.selectors.privacy import champion_data_export
from champions.services.privacy import champion_anonymise
from tests.factories.accounts import CoordinatorFactory, StaffFactory
from tests.factories.champions import ChampionFactory, GoalFactory, protective_factors

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return CoordinatorFactory(first_name="Sam")


@pytest.fixture
def goal(coordinator):
    return GoalFactory(champion__coordinator=coordinator)


def test_champion_sets_a_goal_with_a_target_and_factor(client):
    champion = ChampionFactory(active=True)
    factor = protective_factors()[0]
    client.force_login(champion.user)
    response = client.post(
        reverse("champions:goals"),
        {"title": "Run a stall in my ward", "target_on": "2026-09-01", "factor": factor.pk},
    )
    assert response.status_code == 302
    goal = Goal.objects.get(champion=champion)
    assert (goal.title, goal.target_on, goal.factor) == (
        "Run a stall in my ward",
        datetime.date(2026, 9, 1),
        factor,
    )
    assert ModelLogEntry.objects.filter(action="champions.goal.change").exists()


def test_a_goal_without_a_title_shows_the_form_again(client):
    client.force_login(ChampionFactory(active=True).user)
    response = client.post(reverse("champions:goals"), {"title": ""})
    assert response.status_code == 400 and "This field is required" in response.content.decode()


def test_champion_adds_progress_and_marks_achieved_with_the_date(client, goal):
    client.force_login(goal.champion.user)
    client.post(reverse("champions:goal_note", args=[goal.pk]), {"text": "Booked a slot"})
    client.post(reverse("champions:goal_achieved", args=[goal.pk]))
    goal.refresh_from_db()
    assert goal.achieved_on == timezone.localdate()
    assert [n.text for n in goal.notes.all()] == ["Booked a slot"]
    html = client.get(reverse("champions:goals")).content.decode()
    assert "Booked a slot" in html and "Achieved" in html


def test_another_champion_can_neither_see_nor_touch_a_goal(client, goal):
    client.force_login(ChampionFactory(active=True).user)
    assert goal.title not in client.get(reverse("champions:goals")).content.decode()
    assert (
        client.post(reverse("champions:goal_note", args=[goal.pk]), {"text": "x"}).status_code
        == 404
    )
    assert client.post(reverse("champions:goal_achieved", args=[goal.pk])).status_code == 404
    assert not GoalNote.objects.exists()


def test_the_coordinator_sees_and_notes_their_champions_goals_only(client, goal, coordinator):
    other = GoalFactory(title="Someone else's goal")
    client.force_login(coordinator)
    listing = client.get(reverse("champions_goal:index")).content.decode()
    assert goal.title in listing and other.title not in listing
    # Another coordinator's champion's goal: 403, not Wagtail's redirect home.
    for response in (
        client.get(reverse("champions_goal:edit", args=[other.pk])),
        client.post(reverse("champions_goal:edit", args=[other.pk]), {"title": "Taken over"}),
        client.get(reverse("champions_goal:delete", args=[other.pk])),
        client.post(reverse("champions_goal:delete", args=[other.pk])),
    ):
        assert response.status_code == 403
        assert b"You do not have permission to open this page" in response.content
    other.refresh_from_db()
    assert other.title == "Someone else's goal"
    assert Goal.objects.filter(pk=other.pk).exists()
    response = client.post(
        reverse("champions_goal:edit", args=[goal.pk]),
        {
            "champion": goal.champion.pk,
            "title": goal.title,
            "target_on": "2026-12-01",
            "skill": "Public speaking",
            "new_note": "Great practice run today",
        },
    )
    assert response.status_code == 302
    assert GoalNote.objects.get(goal=goal).author == coordinator


def test_staff_without_the_goal_permission_get_a_403(client, goal):
    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    for url in (
        reverse("champions_goal:index"),
        reverse("champions_goal:add"),
        reverse("champions_goal:edit", args=[goal.pk]),
        reverse("champions_goal:delete", args=[goal.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"You do not have permission to open this page" in response.content


def test_goals_are_in_the_data_download_and_removed_by_erasure(goal):
    GoalNote.objects.create(goal=goal, author=goal.champion.user, text="Halfway there")
    export = champion_data_export(goal.champion)
    assert export["goals"][0]["title"] == goal.title
    assert export["goal_notes"][0]["text"] == "Halfway there"
    champion_anonymise(champion=goal.champion, reason="Asked")
    assert not Goal.objects.exists() and not GoalNote.objects.exists()
