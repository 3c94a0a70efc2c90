"""Sign-up: first name, area or "not sure", preferred contact, each consent explained; the
confirmation link signs the parent in and lands on their dashboard."""

import re

import pytest
from django.urls import reverse

from champions.choices import ConsentKind, ContactPreference, Stage
from champions.models import Champion, Consent
from champions.wording import CONSENT_WORDING
from tests.factories.accounts import PASSWORD
from tests.factories.champions import AreaFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, email="sam@example.org", **extra):
    data = {
        "email": email,
        "preferred_name": "Sam",
        "area": "",
        "contact_preference": ContactPreference.EMAIL,
        "phone": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def test_sign_up_form_asks_for_area_contact_and_explains_each_consent(client):
    AreaFactory(name="Westborough")
    html = client.get(reverse("account_signup")).content.decode()
    assert "Your first name" in html and "Westborough" in html and "Not sure" in html
    assert "How would you like us to contact you?" in html
    for wording in CONSENT_WORDING.values():
        assert wording.statement in html


def test_sign_up_records_area_contact_preference_and_ticked_consents(client):
    area = AreaFactory(name="Westborough")
    response = _sign_up(
        client,
        area=area.pk,
        contact_preference=ContactPreference.TEXT,
        phone="07911 123456",
        consent_contact_text="on",
        consent_story="on",
    )
    assert response.status_code == 302
    champion = Champion.objects.get(user__email="sam@example.org")
    assert (champion.preferred_name, champion.area, champion.stage) == ("Sam", area, Stage.ENQUIRY)
    assert (champion.contact_preference, champion.phone) == ("text", "+447911123456")
    given = dict(Consent.objects.filter(champion=champion).values_list("kind", "wording_version"))
    assert given == {
        ConsentKind.CONTACT_TEXT: CONSENT_WORDING[ConsentKind.CONTACT_TEXT].version,
        ConsentKind.STORY: CONSENT_WORDING[ConsentKind.STORY].version,
    }


def test_not_sure_of_the_area_leaves_it_empty_and_gives_no_consent(client):
    _sign_up(client)
    champion = Champion.objects.get(user__email="sam@example.org")
    assert champion.area is None
    assert not Consent.objects.filter(champion=champion).exists()


def test_a_call_or_text_without_a_phone_number_shows_the_form_again(client):
    response = _sign_up(client, contact_preference=ContactPreference.PHONE)
    assert response.status_code == 200
    assert "Give a phone number so that we can call or text you." in response.content.decode()
    assert not Champion.objects.exists()


def test_confirming_the_address_signs_in_and_lands_on_the_dashboard(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        _sign_up(client)
    [message] = smtp_server.to("sam@example.org")
    body = smtp_server.body(message)
    assert "example.com" not in body and "Parent Champions" in body
    confirm_url = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", body).group(1)
    response = client.post(confirm_url)
    assert response.status_code == 302 and response.url == reverse("champions:dashboard")
    dashboard = client.get(response.url)
    assert dashboard.status_code == 200 and "Hello, Sam" in dashboard.content.decode()


def test_a_phone_number_that_is_not_one_shows_the_form_again(client):
    response = _sign_up(client, contact_preference=ContactPreference.TEXT, phone="12")
    assert response.status_code == 200
    assert "Enter a mobile number" in response.content.decode()
    assert not Champion.objects.exists()
