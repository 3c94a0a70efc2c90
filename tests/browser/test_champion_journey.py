"""The champion's journey in Chromium: a parent signs up, confirms from the e-mail, is signed
in, sees their coordinator and next step, books a welcome session; their coordinator moves them
on and the dashboard changes. The journey's new pages pass axe at phone and desktop widths."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from champions.choices import Stage
from champions.models import Champion
from events.choices import EventKind
from events.models import Registration
from tests.factories.accounts import PASSWORD, StaffFactory
from tests.factories.champions import (
    AreaFactory,
    ChampionFactory,
    CoordinatorProfileFactory,
    GoalFactory,
    SupervisionNoteFactory,
)
from tests.factories.cms import BecomeChampionPageFactory
from tests.factories.events import EventFactory

from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_up(page, base):
    page.goto(base + reverse("account_signup"))
    page.fill("input[name=email]", "amira@example.org")
    page.fill("input[name=preferred_name]", "Amira")
    page.select_option("select[name=area]", label="Westborough")
    page.check("input[name=consent_contact_email]")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_a_parent_signs_up_confirms_books_a_welcome_session_and_is_moved_on(
    browser, live_server, smtp_server
):
    area = AreaFactory(name="Westborough")
    coordinator = StaffFactory(is_superuser=True, first_name="Sam", last_name="Okafor")
    CoordinatorProfileFactory(user=coordinator, areas=[area], phone="01632 960555")
    EventFactory(kind=EventKind.WELCOME, title="Welcome coffee morning", area=area)

    phone = browser.new_page(viewport={"width": 375, "height": 800})
    _sign_up(phone, live_server.url)
    [message] = smtp_server.to("amira@example.org")
    body = smtp_server.body(message)
    assert "Parent Champions" in body and "example.com" not in body
    confirm = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", body).group(1)
    phone.goto(live_server.url + confirm)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.url.endswith(reverse("champions:dashboard"))
    html = phone.content()
    assert "Hello, Amira" in html and "Sam Okafor" in html and "01632 960555" in html
    assert "Sam will get in touch to say hello" in html
    assert "Log an activity" not in html

    phone.locator("section:has(#welcome-sessions-heading) form[action$='/book/'] button").click()
    phone.wait_for_load_state()
    assert "You are booked" in phone.content()
    champion = Champion.objects.get(user__email="amira@example.org")
    assert Registration.objects.filter(champion=champion, event__kind=EventKind.WELCOME).exists()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    desk = browser.new_page(viewport={"width": 1280, "height": 900})
    desk.goto(f"{live_server.url}{reverse('account_login')}?next=/admin/")
    desk.fill("input[name=login]", coordinator.email)
    desk.fill("input[name=password]", PASSWORD)
    desk.locator("main form button[type=submit]").click()
    desk.wait_for_load_state()
    desk.goto(live_server.url + reverse("champions_champion:change_stage", args=[champion.pk]))
    desk.select_option("select[name=to_stage]", Stage.ONBOARDING)
    desk.fill("textarea[name=reason]", "Met at the welcome session")
    desk.get_by_role("button", name="Change stage", exact=True).click()
    desk.wait_for_load_state()
    champion.refresh_from_db()
    assert champion.stage == Stage.ONBOARDING

    phone.reload()
    assert re.search(r'<li aria-current="step"><strong>Checks</strong>', phone.content())
    phone.close()
    desk.close()


@pytest.fixture
def journey_pages():
    BecomeChampionPageFactory()
    profile = CoordinatorProfileFactory(user__first_name="Sam")
    champion = ChampionFactory(active=True, coordinator=profile.user)
    GoalFactory(champion=champion)
    note = SupervisionNoteFactory(champion=champion)
    EventFactory(kind=EventKind.WELCOME)
    enquirer = ChampionFactory(coordinator=profile.user)
    paths = [
        "/dashboard/",
        "/dashboard/goals/",
        "/dashboard/supervision/",
        f"/dashboard/supervision/{note.pk}/reflection/",
    ]
    return champion, enquirer, paths


@pytest.mark.parametrize("width", [375, 1280])
def test_the_journeys_new_pages_have_no_accessibility_violations(
    browser, live_server, journey_pages, width
):
    champion, enquirer, paths = journey_pages
    page = browser.new_page(viewport={"width": width, "height": 900})
    failures = {}

    def check(path):
        assert page.goto(live_server.url + path).status == 200, path
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures[path] = [(v["id"], [n["html"] for n in v["nodes"]]) for v in violations]
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path

    for path in ("/become-a-champion/", "/accounts/signup/"):
        check(path)
    for user, user_paths in ((enquirer.user, ["/dashboard/"]), (champion.user, paths)):
        page.context.clear_cookies()
        page.goto(live_server.url + "/accounts/login/")
        page.fill("input[name=login]", user.email)
        page.fill("input[name=password]", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        for path in user_paths:
            check(path)
    page.close()
    assert failures == {}
