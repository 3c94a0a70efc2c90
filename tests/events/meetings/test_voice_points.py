"""The champion who ran a mapping session records the points parents raised, from the site."""

import pytest
from django.urls import reverse

from events.models import ParentVoiceItem
from tests.factories.champions import ChampionFactory
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def test_the_champion_who_ran_a_mapping_session_records_a_point(client):
    champion = ChampionFactory(active=True)
    event = EventFactory(kind="mapping", past=True, organiser=champion.user)
    client.force_login(champion.user)
    url = reverse("events:voice", args=[event.pk])
    assert url in client.get(reverse("champions:dashboard")).content.decode()
    response = client.post(
        url,
        {
            "text": "No baby changing in town",
            "theme": "Baby changing",
            "parents_count": "9",
            "quote": "",
            "factors": ["concrete_support"],
        },
    )
    assert response.status_code == 302
    point = ParentVoiceItem.objects.get(record__event=event)
    assert (point.theme, point.parents_count) == ("Baby changing", 9)
    assert list(point.protective_factors.values_list("code", flat=True)) == ["concrete_support"]
    assert "No baby changing in town" in client.get(url).content.decode()


def test_bad_input_gives_the_form_again_with_messages(client):
    champion = ChampionFactory(active=True)
    event = EventFactory(kind="mapping", past=True, organiser=champion.user)
    client.force_login(champion.user)
    response = client.post(reverse("events:voice", args=[event.pk]), {"parents_count": "-2"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say what parents said." in html and "Give a number of 1 or more." in html
    assert not ParentVoiceItem.objects.exists()


def test_other_champions_and_other_kinds_of_event_get_404(client):
    runner, other = ChampionFactory(active=True), ChampionFactory(active=True)
    mapping = EventFactory(kind="mapping", past=True, organiser=runner.user)
    stall = EventFactory(kind="stall", past=True, organiser=other.user)
    client.force_login(other.user)
    assert client.get(reverse("events:voice", args=[mapping.pk])).status_code == 404
    assert client.get(reverse("events:voice", args=[stall.pk])).status_code == 404
