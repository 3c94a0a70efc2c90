"""In Chromium, the Content-Security-Policy blocks nothing our pages need: no CSP violation on
the main public, champion, sign-in and admin pages (the admin under its own looser policy)."""

import pytest
from django.urls import reverse

from champions.choices import ConsentKind, Stage
from champions.services.consents import consent_give
from tests.factories.accounts import PASSWORD, StaffFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory
from tests.factories.cms import OutcomePageFactory, StoryPageFactory
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Runs before any page script; CSP does not apply to scripts injected by the browser driver.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


def _open(browser):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.add_init_script(RECORD_VIOLATIONS)
    messages = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return page, messages


def _violations(page, base, paths, console):
    found = {}
    for path in paths:
        response = page.goto(base + path)
        assert response.status < 400, path
        assert response.headers.get("content-security-policy"), path
        page.wait_for_load_state("load")
        seen = page.evaluate("window.__cspViolations") + console
        if seen:
            found[path] = list(seen)
        console.clear()
    return found


def _sign_in(page, base, email, next_url=""):
    page.goto(f"{base}{reverse('account_login')}{next_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_no_csp_violations_on_public_pages(browser, live_server):
    champion = ChampionFactory(preferred_name="Amira")
    consent_give(champion=champion, kind=ConsentKind.STORY, wording_version="2026-01")
    story = StoryPageFactory(title="Amira finds her voice", champion=champion)
    outcome = OutcomePageFactory(title="Evening clinics")
    page, console = _open(browser)
    paths = ["/", story.url, story.url, outcome.url, "/stories/", "/search/?q=voice"]
    assert _violations(page, live_server.url, paths, console) == {}
    page.close()


def test_no_csp_violations_on_champion_and_sign_in_pages(browser, live_server):
    champion = ChampionFactory(stage=Stage.ACTIVE)
    ActivityLogFactory(champion=champion)
    EventFactory(area=champion.area)
    page, console = _open(browser)
    signed_out = [reverse("account_login"), reverse("account_signup")]
    assert _violations(page, live_server.url, signed_out, console) == {}

    _sign_in(page, live_server.url, champion.user.email)
    # Changing the second factor asks for the password again first.
    page.goto(live_server.url + reverse("mfa_activate_totp"))
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    signed_in = [
        reverse("champions:dashboard"),
        reverse("champions:profile"),
        "/dashboard/activity/",
        "/dashboard/activity/new/",
        "/events/",
        "/dashboard/stories/new/",
        reverse("mfa_index"),
        reverse("mfa_activate_totp"),  # shows the QR code as a data: image
        reverse("mfa_add_webauthn"),  # loads allauth's security-key scripts
    ]
    assert _violations(page, live_server.url, signed_in, console) == {}
    # The QR code really is shown.
    page.goto(live_server.url + reverse("mfa_activate_totp"))
    assert page.evaluate("document.querySelector('main img').naturalWidth") > 0
    page.close()


def test_no_csp_violations_in_the_admin_under_its_own_policy(browser, live_server):
    coordinator = StaffFactory(is_superuser=True)
    story = StoryPageFactory(title="Amira finds her voice")
    log = ActivityLogFactory()
    event = EventFactory()
    page, console = _open(browser)
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, live_server.url, coordinator.email, "?next=/admin/")
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/events/edit/{event.pk}/",  # date and time pickers, inline panels
        reverse("champions_activitylog:review", args=[log.pk]),
        "/admin/reports/site-history/",
        "/admin/images/",
    ]
    assert _violations(page, live_server.url, paths, console) == {}
    page.close()
