"""The sign-up confirmation e-mail names the site and never carries what the person signing up
typed about themselves: they may not own the address (issue 12)."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

TYPED_NAME = "Click http://evil.example now Mallory"


def _signup(client, email):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "preferred_name": TYPED_NAME,
            "password1": "a long and unusual passphrase 84",
            "password2": "a long and unusual passphrase 84",
        },
    )


def _whole(message) -> str:
    headers = "\n".join(f"{k}: {v}" for k, v in message.message().items())
    bodies = [message.body, *(content for content, _ in getattr(message, "alternatives", []))]
    return "\n".join([headers, message.subject, *bodies])


@pytest.mark.parametrize("known", [False, True], ids=["new address", "known address"])
def test_the_e_mail_names_the_site_and_not_the_typed_name(client, known):
    email = "someone.else@example.org"
    if known:
        UserFactory(email=email)
    _signup(client, email)
    assert len(mail.outbox) == 1
    text = _whole(mail.outbox[0])
    assert "Mallory" not in text and "evil.example" not in text
    assert "Parent Champions" in text
    assert "example.com" not in text
