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


def test_both_ways_of_keeping_in_touch_sit_together_and_are_told_apart(client, champion):
    html = client.get(reverse("champions:profile")).content.decode()
    start = html.index("<legend>Keeping in touch</legend>")
    fieldset = html[start : html.index("</form>", start)]
    assert "How would you like your coordinator to get in touch?" in fieldset
    assert "How should we send you reminders, news and group messages?" in fieldset
    assert 'name="phone"' in fieldset


def test_a_call_or_text_preference_needs_a_number_and_is_saved(client, champion):
    data = {"preferred_name": "Beth", "contact_preference": "phone", "preferred_channel": "email"}
    response = client.post(reverse("champions:profile"), data)
    assert "Give a phone number so that your coordinator can call or text." in (
        response.content.decode()
    )
    response = client.post(reverse("champions:profile"), {**data, "preferred_channel": "sms"})
    assert "Give a mobile number so that we can send you texts." in response.content.decode()
    client.post(reverse("champions:profile"), {**data, "phone": "07911 123456"})
    champion.refresh_from_db()
    assert (champion.contact_preference, champion.preferred_channel) == ("phone", "email")


def test_leaving_the_contact_preference_unanswered_keeps_the_one_given_at_sign_up(client, champion):
    champion.contact_preference = "text"
    champion.phone = "+447911123456"
    champion.save()
    client.post(reverse("champions:profile"), {"preferred_name": "Beth", "phone": "07911123456"})
    champion.refresh_from_db()
    assert champion.contact_preference == "text"
