"""Sign-up does the same work for a known and a new address, so its timing tells nothing.

Timing itself is not asserted (it would be flaky on a shared machine): both paths are shown to
hash the password once and to send exactly one e-mail through the outbox.
"""

from unittest import mock

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from accounts.models import OutboxMessage, User
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting how often a password is hashed."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


def _signup(client, email, name="Jo"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "preferred_name": name, "password1": PASSWORD, "password2": PASSWORD},
    )


def _work_done(client, email, smtp_server):
    CountingHasher.calls = 0
    response = _signup(client, email)
    client.logout()
    return {
        "answer": (response.status_code, response.url),
        "hashes": CountingHasher.calls,
        "deferred_emails": OutboxMessage.objects.filter(address=email).count(),
        "emails_received": len(smtp_server.to(email)),
    }


def test_known_and_new_addresses_cost_the_same_work(client, settings, smtp_server):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    UserFactory(email="known@example.org")

    new = _work_done(client, "new@example.org", smtp_server)
    known = _work_done(client, "known@example.org", smtp_server)

    assert (
        new
        == known
        == {
            "answer": (302, reverse("account_email_verification_sent")),
            "hashes": 1,
            "deferred_emails": 1,
            "emails_received": 1,
        }
    )


def test_confirmation_email_names_the_site_and_not_the_typed_name(client, smtp_server):
    _signup(client, "victim@example.org", name="Call 0800 123 to claim your prize")
    [message] = smtp_server.to("victim@example.org")
    body = smtp_server.body(message)
    assert "0800" not in body and "prize" not in body
    assert "0800" not in message["Subject"]
    assert "example.com" not in body
    assert "Parent Champions" in body
    assert message["Subject"].startswith("[Parent Champions]")
    assert "/accounts/confirm-email/" in body


def test_already_registered_email_names_the_site(client, smtp_server):
    UserFactory(email="known@example.org")
    _signup(client, "known@example.org", name="Someone else")
    [message] = smtp_server.to("known@example.org")
    body = smtp_server.body(message)
    assert "Someone else" not in body
    assert "example.com" not in body
    assert "Parent Champions" in body


def test_a_new_account_is_written_all_or_nothing(client):
    with (
        mock.patch("champions.services.journey.champion_register", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        _signup(client, "half@example.org")
    assert not User.objects.filter(email="half@example.org").exists()
