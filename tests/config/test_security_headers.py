"""Content-Security-Policy and Permissions-Policy on every page (tests/browser checks them in
Chromium); the Wagtail admin has its own, looser policy."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _policy(response):
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _assert_strict(policy):
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.fixture
def story():
    return StoryPageFactory(title="Evening clinics")


def test_public_pages_have_a_strict_policy_cached_or_not(client, story):
    for url in ["/", story.url, story.url, "/search/?q=clinic", "/events/"]:
        _assert_strict(_policy(client.get(url)))


def test_sign_in_and_champion_pages_have_the_strict_policy(client):
    _assert_strict(_policy(client.get(reverse("account_login"))))
    _assert_strict(_policy(client.get(reverse("account_signup"))))
    client.force_login(ChampionFactory().user)
    for name in ["champions:dashboard", "champions:profile", "mfa_index"]:
        _assert_strict(_policy(client.get(reverse(name))))


def test_the_admin_has_its_own_documented_looser_policy(client):
    client.force_login(CoordinatorFactory())
    policy = _policy(client.get("/admin/"))
    # Wagtail's admin still has inline scripts and style attributes (panels, date widgets).
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    # Previews are framed by the admin itself.
    assert policy["frame-ancestors"] == ["'self'"]


def test_every_page_has_a_permissions_policy_without_camera_microphone_or_location(client):
    header = client.get("/").headers.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header
    # Security keys and passkeys (two-step sign-in) stay available to the site itself.
    assert "publickey-credentials-get=(self)" in header
    assert "publickey-credentials-create=(self)" in header


def test_public_and_champion_templates_have_no_inline_script_or_style():
    """The strict policy would block them: scripts and styles go in static files."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        if "admin" in path.parts or path.parts[-2:] == ("cms", "email"):
            continue
        text = path.read_text()
        inline_script = re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", text)
        if inline_script or re.search(r'\sstyle="|\son[a-z]+="', text):
            offenders.append(str(path.relative_to(TEMPLATES)))
    assert offenders == []
