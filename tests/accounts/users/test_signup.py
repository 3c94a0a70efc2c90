import re

import pytest
from django.urls import reverse

from accounts.models import User
from champions.choices import Stage
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.parent@example.org",
    "preferred_name": "Jo",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def _link(body):
    return re.search(r"http://testserver(/accounts/confirm-email/[^\s]+/)", body).group(1)


def test_signup_verify_sign_in_and_reach_dashboard(client, smtp_server):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    user = User.objects.get(email="new.parent@example.org")
    assert user.champion.stage == Stage.ENQUIRY
    assert user.champion.preferred_name == "Jo"

    # Not verified yet: signing in is refused and sends you back to the verification page.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    messages = smtp_server.to("new.parent@example.org")
    assert messages, "no verification e-mail reached the SMTP server"
    link = _link(smtp_server.body(messages[-1]))
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("champions:dashboard")
    assert b"Hello, Jo" in response.content


def test_second_signup_with_same_email_does_not_reveal_it_exists(client, smtp_server):
    UserFactory(email="taken@example.org")
    fresh = client.post(reverse("account_signup"), {**SIGNUP, "email": "fresh@example.org"})
    client.logout()
    taken = client.post(reverse("account_signup"), {**SIGNUP, "email": "taken@example.org"})
    # Both answers are the same redirect to "check your e-mail"...
    assert fresh.status_code == taken.status_code == 302
    assert fresh.url == taken.url
    # ...and only one account exists for the address; its owner is told by e-mail instead.
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert smtp_server.to("taken@example.org")


def test_signup_form_errors_are_shown_and_input_kept(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password2": "different"})
    assert response.status_code == 200
    assert b"You must type the same password each time." in response.content
    assert b'value="new.parent@example.org"' in response.content
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_password_reset_does_not_reveal_unknown_addresses(client, smtp_server):
    UserFactory(email="known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert "/accounts/password/reset/key/" in smtp_server.body(
        smtp_server.to("known@example.org")[0]
    )


def test_login_is_rate_limited_after_repeated_failures(client):
    UserFactory(email="target@example.org")
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": "target@example.org", "password": "wrong"}
        )
        assert (
            b"The email address and/or password you specified are not correct." in response.content
        )
    response = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": PASSWORD}
    )
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session
