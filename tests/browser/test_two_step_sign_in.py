"""In Chromium: a coordinator without a second factor is sent to set one up, scans (here: reads)
the secret, types the code and reaches the admin; the two-step pages pass axe."""

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.accounts.test_staff_mfa import totp
from tests.factories.accounts import PASSWORD, StaffFactory

from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _axe_violations(page):
    return [
        (v["id"], [n["html"] for n in v["nodes"]])
        for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]
    ]


def test_coordinator_sets_up_an_authenticator_app_then_reaches_the_admin(
    browser, live_server, settings
):
    settings.STAFF_MFA_REQUIRED = True
    # A superuser: groups made by migrations may be gone after other transactional tests.
    coordinator = StaffFactory(is_superuser=True)
    page = browser.new_page(viewport={"width": 375, "height": 800})
    base = live_server.url
    failures = {}

    page.goto(f"{base}{reverse('account_login')}?next=/admin/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == base + reverse("mfa_index")
    assert "second step to sign in" in page.content()
    failures["index"] = _axe_violations(page)

    page.get_by_role("link", name="Activate").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(base + reverse("account_reauthenticate"))
    failures["reauthenticate"] = _axe_violations(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == base + reverse("mfa_activate_totp")
    failures["activate"] = _axe_violations(page)

    secret = page.locator("#authenticator_secret").input_value()
    if time.time() % 30 > 25:  # let the code not expire between typing and sending it
        time.sleep(30 - time.time() % 30)
    page.get_by_label("Authenticator code").fill(totp(secret))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    failures["recovery codes"] = _axe_violations(page)

    page.goto(base + "/admin/")
    assert page.url == base + "/admin/"
    assert page.get_by_role("heading", level=1).count() > 0
    page.close()
    assert {name: found for name, found in failures.items() if found} == {}


def test_coordinator_can_use_a_security_key_instead(browser, live_server, settings):
    """A passkey or security key (WebAuthn), with Chromium's virtual authenticator."""
    settings.STAFF_MFA_REQUIRED = True
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # the live server is plain HTTP
    coordinator = StaffFactory(is_superuser=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    base = live_server.url
    page.goto(f"{base}{reverse('account_login')}?next=/admin/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == base + reverse("mfa_index")

    page.goto(base + reverse("mfa_add_webauthn"))
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == base + reverse("mfa_add_webauthn")
    with page.expect_navigation():
        page.locator("#mfa_webauthn_add").click()
    assert coordinator.authenticator_set.filter(type="webauthn").exists()
    page.goto(base + "/admin/")
    assert page.url == base + "/admin/"
    context.close()
