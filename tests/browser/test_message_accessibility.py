"""The coordinator's compose and preview screens for a group message pass axe-core (WCAG 2.2
AA rules), over this project's markup only (the intro, the form's fields, the preview)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories.accounts import StaffFactory
from tests.factories.champions import AreaFactory, ChampionFactory
from tests.factories.cms import home_page

from .test_accessibility import AXE_OPTIONS
from .test_admin_accessibility import _sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _violations(page, include):
    results = Axe().run(page, context={"include": include}, options=AXE_OPTIONS)
    return [
        (v["id"], [n["html"][:160] for n in v["nodes"]]) for v in results.response["violations"]
    ]


def test_compose_and_preview_have_no_violations_in_our_markup(browser, live_server):
    coordinator = StaffFactory(is_superuser=True)  # staff groups may not survive a flush
    home_page()
    area = AreaFactory(name="Victoria")
    ChampionFactory(area=area, active=True, consenting=True, preferred_name="Ann")
    ChampionFactory(area=area, active=True, preferred_name="Cy")  # left out: no consent
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, live_server, coordinator.email)
    response = page.goto(live_server.url + "/admin/groupmessage/compose/")
    assert response.status == 200
    compose = _violations(page, [[".message-compose-intro"], ["#w-editor-form"]])
    page.fill("input[name=subject]", "Stall on Saturday")
    page.fill("textarea[name=body]", "Hi {first_name}, the stall is on.")
    page.select_option("select[name=area]", label="Victoria")
    page.click("#w-editor-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".message-preview").count() == 1
    assert "Hi Ann, the stall is on." in page.inner_text(".message-preview")
    preview = _violations(page, [[".message-preview"]])
    page.close()
    assert (compose, preview) == ([], [])
