"""Key journeys in a real browser: a champion logs an activity on a phone, a coordinator
approves it in the admin, and the champion sees the approved hours."""

import pytest
from django.urls import reverse

from champions.choices import ActivityStatus, ConsentKind
from champions.models import ActivityLog
from champions.services.consents import consent_give
from tests.factories.accounts import PASSWORD, StaffFactory
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_in(page, base, email, next_url=""):
    page.goto(f"{base}{reverse('account_login')}{next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_champion_logs_activity_on_a_phone_and_coordinator_approves_it(browser, live_server):
    champion = ChampionFactory(preferred_name="Priya", active=True)
    consent_give(champion=champion, kind=ConsentKind.CONTACT_EMAIL, wording_version="2026-01")
    coordinator = StaffFactory(is_superuser=True)

    phone = browser.new_page(viewport={"width": 375, "height": 800})
    _sign_in(phone, live_server.url, champion.user.email)
    assert phone.url.endswith(reverse("champions:dashboard"))
    phone.get_by_role("link", name="Log an activity").first.click()
    phone.get_by_label("Engagement event").check()
    phone.get_by_label("Hours").fill("1.5")
    phone.get_by_label("What you did").fill("Ran the parents' stall at the library.")
    phone.get_by_label("Social connections").check()
    phone.get_by_role("button", name="Log activity").click()
    phone.wait_for_load_state()
    assert "Claim an expense" in phone.content()
    log = ActivityLog.objects.get(champion=champion)
    assert log.status == ActivityStatus.SUBMITTED and str(log.hours) == "1.50"
    # The whole journey fits the phone's width.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    desk = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(desk, live_server.url, coordinator.email, "?next=/admin/")
    assert "/admin/" in desk.url
    desk.goto(live_server.url + reverse("champions_activitylog:review", args=[log.pk]))
    desk.get_by_label("Approve", exact=True).check()
    desk.get_by_role("button", name="Record decision").click()
    desk.wait_for_load_state()
    log.refresh_from_db()
    assert log.status == ActivityStatus.APPROVED
    assert log.reviewed_by == coordinator

    phone.goto(live_server.url + reverse("activity:list"))
    assert "Approved" in phone.content()
    phone.close()
    desk.close()
