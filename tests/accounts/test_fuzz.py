"""Fuzzing the public account forms (allauth's, with the site's own fields)."""

import pytest
from allauth.account.forms import LoginForm, ResetPasswordForm
from django.urls import reverse
from hypothesis import given

from champions.forms.signup import ChampionSignupForm
from tests.fuzz import assert_handled, form_data, nasty_text

pytestmark = pytest.mark.django_db


@given(
    data=form_data(ChampionSignupForm),
    email=nasty_text(),
    password=nasty_text(),
)
def test_sign_up(client, data, email, password):
    body = {**data, "email": email, "password1": password, "password2": password}
    assert_handled(client.post(reverse("account_signup"), body))


@given(data=form_data(LoginForm))
def test_log_in(client, data):
    assert_handled(client.post(reverse("account_login"), data))


@given(data=form_data(ResetPasswordForm))
def test_password_reset(client, data):
    assert_handled(client.post(reverse("account_reset_password"), data))
