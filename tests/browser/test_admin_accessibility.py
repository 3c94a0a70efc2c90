"""The coordinator's admin home and a funder report pass axe-core (WCAG 2.2 AA rules).

Axe only, and only over what this project adds (the work panels; the report's chart, summary
and table): Wagtail's own admin markup is not ours to validate.
"""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories.accounts import PASSWORD, StaffFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory
from tests.factories.cms import home_page
from tests.factories.events import EventFactory

from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/?next=/admin/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


# (path, the parts of the page this project renders)
PAGES = [
    ("/admin/", [[".w-panel--dashboard"]]),
    ("/admin/funders/hours-and-reach/", [[".report-chart"], [".report-summary"], ["table"]]),
]


def test_admin_home_and_a_report_have_no_violations_in_our_markup(browser, live_server):
    # A superuser sees every panel; the staff groups that migrations make do not survive the
    # flush a transactional test before this one may leave behind.
    coordinator = StaffFactory(is_superuser=True)
    home_page()  # Wagtail's own home panels link to the page tree: a flushed database has none
    champion = ChampionFactory(active=True)
    ActivityLogFactory(champion=champion, date=datetime.date.today())
    EventFactory()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, live_server, coordinator.email)
    failures = {}
    for path, include in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator(include[0][0]).count() > 0, path
        results = Axe().run(page, context={"include": include}, options=AXE_OPTIONS)
        violations = results.response["violations"]
        if violations:
            failures[path] = [(v["id"], [n["html"][:160] for n in v["nodes"]]) for v in violations]
    page.close()
    assert failures == {}
