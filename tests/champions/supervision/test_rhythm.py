"""Supervision rhythm: the next date set at each session, overdue ones listed for coordinators
and in the digest; the champion's own reflection, seen by coordinators, never other champions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import OutboxMessage
from champions.models import ChampionsSettings, SupervisionReflection
from champions.selectors.privacy import champion_data_export
from champions.selectors.supervision import supervisions_overdue
from events.services.digest import coordinator_digest_send
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory, SupervisionNoteFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 15)


def test_next_supervision_defaults_to_the_settings_weeks_after_the_session():
    note = SupervisionNoteFactory(held_on=TODAY)
    assert note.next_on == TODAY + datetime.timedelta(weeks=8)
    settings = ChampionsSettings.load()
    settings.supervision_interval_weeks = 6
    settings.save()
    assert SupervisionNoteFactory(held_on=TODAY).next_on == TODAY + datetime.timedelta(weeks=6)
    chosen = datetime.date(2026, 7, 1)
    assert SupervisionNoteFactory(held_on=TODAY, next_on=chosen).next_on == chosen


def test_overdue_supervisions_are_listed_by_the_latest_sessions_date():
    coordinator = CoordinatorFactory()
    late = ChampionFactory(active=True, preferred_name="Late", coordinator=coordinator)
    SupervisionNoteFactory(champion=late, held_on=TODAY - datetime.timedelta(weeks=20))
    SupervisionNoteFactory(champion=late, held_on=TODAY - datetime.timedelta(weeks=9))
    on_time = ChampionFactory(active=True)
    SupervisionNoteFactory(champion=on_time, held_on=TODAY - datetime.timedelta(weeks=9))
    SupervisionNoteFactory(champion=on_time, held_on=TODAY - datetime.timedelta(weeks=2))
    other = ChampionFactory(active=True)
    SupervisionNoteFactory(champion=other, held_on=TODAY - datetime.timedelta(weeks=10))
    assert list(supervisions_overdue(TODAY)) == [other, late]
    assert list(supervisions_overdue(TODAY, coordinator=coordinator)) == [late]


def test_overdue_supervisions_appear_in_the_digest_and_the_champions_listing(client):
    today = timezone.localdate()
    late = ChampionFactory(active=True, preferred_name="Latecomer")
    SupervisionNoteFactory(champion=late, held_on=today - datetime.timedelta(weeks=9))
    ChampionFactory(active=True, preferred_name="Punctual")
    coordinator = CoordinatorFactory()
    coordinator_digest_send(today=today)
    body = OutboxMessage.objects.get(user=coordinator).body
    assert "Supervisions overdue\n- Latecomer: due" in body
    client.force_login(coordinator)
    html = client.get(reverse("champions_champion:index"), {"supervision_overdue": "true"})
    assert "Latecomer" in html.content.decode() and "Punctual" not in html.content.decode()


def test_champion_reflects_and_the_coordinator_sees_it_but_not_other_champions(client):
    note = SupervisionNoteFactory(champion=ChampionFactory(active=True), note="Staff only text")
    client.force_login(note.champion.user)
    page = client.get(reverse("champions:supervisions")).content.decode()
    assert "Staff only text" not in page and "Add my reflection" in page
    url = reverse("champions:reflection", args=[note.pk])
    response = client.post(url, {"went_well": "Felt heard", "needs": "Childcare on Tuesdays"})
    assert response.status_code == 302
    assert SupervisionReflection.objects.get(supervision=note).needs == "Childcare on Tuesdays"
    assert champion_data_export(note.champion)["supervision_reflections"][0]["went_well"] == (
        "Felt heard"
    )

    client.force_login(ChampionFactory(active=True).user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"went_well": "Hijack"}).status_code == 404

    client.force_login(CoordinatorFactory())
    listing = client.get(reverse("champions_supervisionnote:index")).content.decode()
    assert "Felt heard / Childcare on Tuesdays" in listing


def test_an_empty_reflection_shows_the_form_again(client):
    note = SupervisionNoteFactory(champion=ChampionFactory(active=True))
    client.force_login(note.champion.user)
    response = client.post(reverse("champions:reflection", args=[note.pk]), {})
    assert response.status_code == 400
    assert "Write what went well, what you need, or both." in response.content.decode()
