"""Guessable passwords are refused on every form that sets one, with the reason in plain English."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Accepted before: the programme's own name, a season and year, initials and a year.
GUESSABLE = ["parentchampion", "ParentChampions", "Summer2026", "pc2026!!"]
TOO_EASY = b"This password is too easy to guess"


def _signup(client, password):
    return client.post(
        reverse("account_signup"),
        {
            "email": "new.parent@example.org",
            "preferred_name": "Jo",
            "password1": password,
            "password2": password,
        },
    )


@pytest.mark.parametrize("password", GUESSABLE)
def test_signup_refuses_guessable_passwords_and_says_why(client, password):
    response = _signup(client, password)
    assert response.status_code == 200
    assert TOO_EASY in response.content
    assert not User.objects.filter(email="new.parent@example.org").exists()


def test_signup_refusal_names_the_site_words(client):
    response = _signup(client, "ParentChampions")
    assert b"the name of the programme" in response.content


def test_signup_accepts_a_long_unrelated_phrase(client):
    response = _signup(client, "violet kettle marching slowly")
    assert response.status_code == 302
    assert User.objects.filter(email="new.parent@example.org").exists()


def test_forms_explain_what_makes_a_good_password_before_anything_is_typed(client):
    body = client.get(reverse("account_signup")).content
    assert b"three or four unrelated words" in body


@pytest.mark.parametrize("password", GUESSABLE)
def test_password_change_refuses_guessable_passwords(client, password):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert TOO_EASY in response.content
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_refuses_guessable_passwords(client, mailoutbox):
    user = UserFactory(email="forgetful@example.org")
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mailoutbox[-1].body)
    form_url = client.get(link.group(1)).url  # allauth moves the key into the session
    response = client.post(form_url, {"password1": "Summer2026", "password2": "Summer2026"})
    assert response.status_code == 200
    assert TOO_EASY in response.content
    assert b"three or four unrelated words" in response.content
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_very_long_passphrase_is_not_refused_for_its_length(client):
    response = _signup(client, "violet kettle marching slowly " * 4)
    assert response.status_code == 302
