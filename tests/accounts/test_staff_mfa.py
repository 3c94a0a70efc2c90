"""Staff use a second factor (allauth MFA) before any admin page; champions may opt in."""

import base64
import datetime
import hashlib
import hmac
import re
import struct
import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.factories.accounts import (
    PASSWORD,
    CoordinatorFactory,
    UserFactory,
    ViewerFactory,
)
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 12, 0, 10, tzinfo=datetime.UTC)


def totp(secret, *, at=None, digits=6, period=30):
    """RFC 6238 with HMAC-SHA1, as authenticator apps compute it (written out, not allauth's)."""
    key = base64.b32decode(secret, casefold=True)
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{value:0{digits}d}"


def _wrong(code):
    return f"{(int(code) + 1) % 10**6:06d}"


@pytest.fixture
def required(settings):
    settings.STAFF_MFA_REQUIRED = True


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _sign_in(client, email, next_url="/admin/"):
    return client.post(
        reverse("account_login") + f"?next={next_url}", {"login": email, "password": PASSWORD}
    )


def _secret_shown(client):
    response = client.get(reverse("mfa_activate_totp"))
    # allauth asks for the password again before any change to the second factor.
    assert response.url.startswith(reverse("account_reauthenticate"))
    response = client.post(response.url, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    return re.search(rb'id="authenticator_secret"[^>]*value="([A-Z2-7=]+)"', response.content)[1]


STAFF = {
    "coordinator": CoordinatorFactory,
    "viewer": ViewerFactory,
    "superuser": lambda **kw: UserFactory(is_staff=True, is_superuser=True, **kw),
}


@pytest.mark.parametrize("kind", STAFF)
def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, required, kind):
    STAFF[kind](email="staff@example.org")
    assert _sign_in(client, "staff@example.org").url == "/admin/"
    for path in ("/admin/", "/admin/pages/", "/admin/reports/site-history/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == reverse("mfa_index")
    page = client.get(reverse("mfa_index"), follow=True)
    assert b"second step to sign in" in page.content


def test_staff_reach_the_admin_after_enrolling_a_totp_and_need_it_at_sign_in(
    client, required, frozen
):
    CoordinatorFactory(email="staff@example.org")
    _sign_in(client, "staff@example.org")
    secret = _secret_shown(client).decode()
    code = totp(secret)

    refused = client.post(reverse("mfa_activate_totp"), {"code": _wrong(code)})
    assert refused.status_code == 200
    assert b"Incorrect code" in refused.content
    assert client.get("/admin/").status_code == 302

    enrolled = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert enrolled.status_code == 302
    assert Authenticator.objects.filter(
        user__email="staff@example.org", type=Authenticator.Type.TOTP
    ).exists()
    assert client.get("/admin/").status_code == 200

    # Next time, the password alone is not enough.
    client.logout()
    response = _sign_in(client, "staff@example.org")
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302
    wrong = client.post(reverse("mfa_authenticate"), {"code": _wrong(code)})
    assert wrong.status_code == 200
    assert b"Incorrect code" in wrong.content
    assert "_auth_user_id" not in client.session
    with time_machine.travel(NOW + datetime.timedelta(seconds=30), tick=False):
        right = client.post(reverse("mfa_authenticate"), {"code": totp(secret)})
        assert right.status_code == 302
        assert right.url == "/admin/"
        assert client.get("/admin/").status_code == 200


def test_the_requirement_can_be_switched_off_for_the_demo(client, settings):
    settings.STAFF_MFA_REQUIRED = False
    CoordinatorFactory(email="staff@example.org")
    _sign_in(client, "staff@example.org")
    assert client.get("/admin/").status_code == 200


def test_champions_are_not_required_to_use_a_second_factor(client, required):
    champion = ChampionFactory()
    _sign_in(client, champion.user.email, next_url=reverse("champions:dashboard"))
    assert client.get(reverse("champions:dashboard")).status_code == 200


def test_champions_can_opt_in_from_their_details_page(client, required, frozen):
    champion = ChampionFactory()
    _sign_in(client, champion.user.email, next_url=reverse("champions:dashboard"))
    profile = client.get(reverse("champions:profile"))
    assert reverse("mfa_index").encode() in profile.content
    secret = _secret_shown(client).decode()
    assert client.post(reverse("mfa_activate_totp"), {"code": totp(secret)}).status_code == 302
    client.logout()
    response = _sign_in(client, champion.user.email, next_url=reverse("champions:dashboard"))
    assert response.url == reverse("mfa_authenticate")


def test_staff_find_their_password_and_second_factor_from_the_admin_account_page(client):
    client.force_login(CoordinatorFactory())
    body = client.get("/admin/account/").content
    assert reverse("mfa_index").encode() in body
    assert reverse("account_change_password").encode() in body
