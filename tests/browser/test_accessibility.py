"""Key public pages pass axe-core (WCAG 2.2 AA rules) at phone and desktop widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from champions.choices import ConsentKind
from champions.services.consents import consent_give
from tests.factories.champions import ChampionFactory
from tests.factories.cms import OutcomePageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


@pytest.fixture
def pages():
    champion = ChampionFactory(preferred_name="Amira")
    consent_give(champion=champion, kind=ConsentKind.STORY, wording_version="2026-01")
    story = StoryPageFactory(title="Amira finds her voice", champion=champion)
    story.tags.add("confidence")
    story.save_revision().publish()
    outcome = OutcomePageFactory(
        title="Evening clinics",
        evidence=[
            (
                "consultation_figure",
                {
                    "percent": "36",
                    "count": 46,
                    "respondents": 220,
                    "statement": "cited clinic times",
                    "source": "Survey",
                },
            )
        ],
    )
    return {"home": "/", "story": story.url, "outcome": outcome.url}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", ["home", "story", "outcome"])
def test_public_pages_have_no_accessibility_violations(browser, live_server, pages, name, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    response = page.goto(live_server.url + pages[name])
    assert response.status == 200
    results = Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
    # Nothing scrolls sideways at phone width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.close()


def test_skip_link_moves_focus_to_main_content(browser, live_server, pages):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


CHAMPION_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/dashboard/",
    "/dashboard/profile/",
    "/dashboard/consents/",
    "/dashboard/activity/",
    "/dashboard/activity/new/",
    "/dashboard/expenses/new/",
    "/events/",
    "/dashboard/stories/new/",
]


def test_champion_pages_have_no_accessibility_violations_on_a_phone(browser, live_server):
    from tests.factories.accounts import PASSWORD
    from tests.factories.champions import ActivityLogFactory
    from tests.factories.events import EventFactory

    champion = ChampionFactory(stage="active")
    ActivityLogFactory(champion=champion)
    EventFactory(area=champion.area)
    page = browser.new_page(viewport={"width": 375, "height": 800})
    failures = {}
    for n, path in enumerate(CHAMPION_PAGES):
        if n == 2:  # the first two pages are seen signed out; then sign in
            page.goto(live_server.url + "/accounts/login/")
            page.fill("input[name=login]", champion.user.email)
            page.fill("input[name=password]", PASSWORD)
            page.click("main form button[type=submit]")
            page.wait_for_load_state()
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures[path] = [(v["id"], [n["html"] for n in v["nodes"]]) for v in violations]
    page.close()
    assert failures == {}


def test_the_header_search_works_at_320_pixels(browser, live_server, pages):
    page = browser.new_page(viewport={"width": 320, "height": 700})
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    field = page.get_by_role("searchbox", name="Search stories and outcomes")
    box = field.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["width"] >= 120
    field.fill("Evening clinics")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/search/?q=Evening+clinics")
    assert "Evening clinics" in page.locator("main").inner_text()
    page.close()
