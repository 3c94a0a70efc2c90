"""Notices of the journey: staff told of a sign-up, champions told of a new stage."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import OutboxMessage
from champions.choices import Stage
from champions.models import Champion
from champions.services.journey import champion_change_stage
from tests.factories.accounts import PASSWORD, CoordinatorFactory, ViewerFactory
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


def test_every_coordinator_is_told_of_a_new_sign_up(client, django_capture_on_commit_callbacks):
    CoordinatorFactory(email="sam@example.org")
    CoordinatorFactory(email="lee@example.org")
    ViewerFactory(email="viewer@example.org")
    form = {"email": "new@example.org", "preferred_name": "Jo"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"), {**form, "password1": PASSWORD, "password2": PASSWORD}
        )
    told = {m.to[0]: m for m in mail.outbox if m.subject == "New sign-up: Jo"}
    assert set(told) == {"sam@example.org", "lee@example.org"}
    champion = Champion.objects.get(user__email="new@example.org")
    champion_url = reverse("champions_champion:inspect", args=[champion.pk])
    assert f"http://localhost{champion_url}" in told["sam@example.org"].body


def test_a_champion_is_told_of_their_new_stage_once(django_capture_on_commit_callbacks):
    champion = ChampionFactory(consenting=True, stage=Stage.ENQUIRY, user__email="jo@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        change = champion_change_stage(
            champion=champion, to_stage=Stage.ONBOARDING, by=CoordinatorFactory()
        )
    [message] = mail.outbox
    assert message.subject == "You have started onboarding"
    assert "you are now at the stage “Onboarding”" in message.body
    assert "http://localhost/dashboard/" in message.body
    assert OutboxMessage.objects.get(key=f"champions.stage_change.{change.pk}.notice")


def test_no_stage_notice_without_e_mail_consent():
    champion = ChampionFactory(stage=Stage.ENQUIRY)
    champion_change_stage(champion=champion, to_stage=Stage.ONBOARDING, by=CoordinatorFactory())
    assert not OutboxMessage.objects.filter(key__startswith="champions.stage_change.").exists()


def test_a_champion_is_told_when_a_coordinator_is_assigned(
    client, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(consenting=True, preferred_name="Jo", user__email="jo@example.org")
    sam = CoordinatorFactory(first_name="Sam", last_name="Okafor", email="sam@example.org")
    client.force_login(sam)
    form = {
        "preferred_name": "Jo",
        "area": "",
        "phone": "",
        "languages": "",
        "heard_about": "",
        "joined_on": "2026-01-10",
        "coordinator": sam.pk,
        "staff_notes": "",
    }
    url = reverse("champions_champion:edit", args=[champion.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form)
        assert response.status_code == 302, response.context["form"].errors
        assert client.post(url, form).status_code == 302  # saved again: no second notice
    [message] = [m for m in mail.outbox if m.to == ["jo@example.org"]]
    assert message.subject == "Your coordinator"
    assert "Sam Okafor is now your coordinator" in message.body
    assert "sam@example.org" in message.body
