"""A consent record always names wording the champion saw, whichever form they agreed on."""

import re

import pytest
from django.urls import reverse

from champions.choices import ConsentKind
from champions.wording import CONSENT_WORDING
from tests.factories.champions import ChampionFactory
from tests.factories.cms import story_index

pytestmark = pytest.mark.django_db


def _statement_on_the_consents_page(client, kind) -> str:
    html = client.get(reverse("champions:consents")).content.decode()
    section = re.search(rf'aria-labelledby="consent-{kind}".*?<p>(.*?)</p>', html, re.S)
    return " ".join(section.group(1).split())


@pytest.mark.parametrize("kind", [ConsentKind.STORY, ConsentKind.PHOTO])
def test_the_story_form_shows_the_consent_wording_it_records(client, kind):
    champion = ChampionFactory()
    client.force_login(champion.user)
    story_index()
    statement = _statement_on_the_consents_page(client, kind)
    story_form = " ".join(client.get(reverse("stories:new")).content.decode().split())
    assert statement in story_form


def test_a_story_records_the_version_of_the_wording_it_showed(client):
    champion = ChampionFactory()
    client.force_login(champion.user)
    story_index()
    statement = _statement_on_the_consents_page(client, ConsentKind.STORY)
    response = client.post(
        reverse("stories:new"),
        {
            "title": "Finding my voice",
            "summary": "How I learnt to speak up.",
            "text": "It started at a stay-and-play.",
            "story_consent": "on",
        },
    )
    assert response.status_code == 302
    consent = champion.consents.get(kind=ConsentKind.STORY)
    wording = CONSENT_WORDING[ConsentKind.STORY]
    assert (consent.wording_version, wording.statement) == (wording.version, statement)
