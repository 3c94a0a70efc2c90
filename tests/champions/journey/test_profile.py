import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from champions.choices import Stage
from tests.factories.champions import (
    AreaFactory,
    ChampionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(client):
    champion = ChampionFactory(preferred_name="Bethany", stage=Stage.IN_TRAINING)
    client.force_login(champion.user)
    return champion


def test_champion_edits_their_own_profile(client, champion):
    area = AreaFactory(name="Kursaal")
    response = client.post(
        reverse("champions:profile"),
        {
            "preferred_name": " Beth ",
            "area": area.pk,
            "phone": "07911 123456",
            "preferred_channel": "sms",
            "languages": "English, Polish",
            "heard_about": "Health visitor",
        },
    )
    assert response.status_code == 302
    champion.refresh_from_db()
    assert (champion.preferred_name, champion.area, champion.phone) == (
        "Beth",
        area,
        "+447911123456",  # stored in E.164
    )
    assert champion.preferred_channel == "sms"
    entry = ModelLogEntry.objects.get(action="champions.champion.edit_profile")
    assert entry.user == champion.user and "phone" in entry.data["fields"]


def test_profile_form_explains_bad_input_and_keeps_it(client, champion):
    response = client.post(
        reverse("champions:profile"),
        {"preferred_name": "", "phone": "call me maybe", "languages": "Welsh"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a mobile number, like 07911 123456" in html
    assert "This field is required." in html
    assert 'value="call me maybe"' in html and 'value="Welsh"' in html


def test_profile_edit_cannot_change_the_stage(client, champion):
    client.post(
        reverse("champions:profile"),
        {"preferred_name": "Bethany", "stage": Stage.ACTIVE, "staff_notes": "hacked"},
    )
    champion.refresh_from_db()
    assert champion.stage == Stage.IN_TRAINING and champion.staff_notes == ""
