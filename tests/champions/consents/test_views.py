import dataclasses

import pytest
from django.urls import reverse

from champions.choices import ConsentKind, Stage
from champions.models import Consent
from champions.services.consents import consent_give
from champions.wording import CONSENT_WORDING
from tests.factories.champions import (
    ChampionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(client):
    champion = ChampionFactory(preferred_name="Bethany", stage=Stage.IN_TRAINING)
    client.force_login(champion.user)
    return champion


def test_consent_withdrawal_takes_effect_at_once(client, champion):
    consent_give(champion=champion, kind=ConsentKind.PHOTO, wording_version="2026-01")
    assert Consent.objects.has_current(champion, ConsentKind.PHOTO)
    response = client.post(
        reverse("champions:consents"), {"kind": ConsentKind.PHOTO, "action": "withdraw"}
    )
    assert response.status_code == 302
    assert not Consent.objects.has_current(champion, ConsentKind.PHOTO)
    html = client.get(reverse("champions:consents")).content.decode()
    assert 'I agree<span class="visually-hidden"> to using photos of me' in html


def test_champion_gives_consent_with_the_current_wording_version(client, champion, monkeypatch):
    wording = CONSENT_WORDING[ConsentKind.CONTACT_EMAIL]
    monkeypatch.setitem(
        CONSENT_WORDING, ConsentKind.CONTACT_EMAIL, dataclasses.replace(wording, version="2026-03")
    )
    client.post(
        reverse("champions:consents"), {"kind": ConsentKind.CONTACT_EMAIL, "action": "give"}
    )
    consent = champion.consents.get()
    assert (consent.kind, consent.wording_version, consent.withdrawn_at) == (
        ConsentKind.CONTACT_EMAIL,
        "2026-03",
        None,
    )


def test_unknown_consent_choice_is_refused_politely(client, champion):
    response = client.post(reverse("champions:consents"), {"kind": "dna", "action": "give"})
    assert response.status_code == 200
    assert "That choice was not recognised" in response.content.decode()
    assert not champion.consents.exists()
