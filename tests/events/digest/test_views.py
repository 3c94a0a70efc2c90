"""The weekly digest in the admin, rendered on demand for staff."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from events.services.digest import coordinator_digest_send
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import ChampionFactory, OnboardingCheckFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _overdue_dbs():
    return OnboardingCheckFactory(
        champion=ChampionFactory(active=True, user__first_name="Ola", user__last_name="Nowak"),
        completed_on=datetime.date(2024, 1, 5),
        renewal_due_on=datetime.date(2027, 1, 5),
    )


@pytest.mark.parametrize("factory", [CoordinatorFactory, ViewerFactory])
def test_staff_read_this_weeks_digest_without_any_scheduler(client, factory):
    _overdue_dbs()
    client.force_login(factory())
    response = client.get(reverse("events_weekly_digest"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Weekly digest for the week of 10 March 2027" in page
    assert "DBS renewal for Ola Nowak was due 5 Jan 2027" in page
    assert "None has been e-mailed to you yet" in page


def test_the_digest_screen_says_when_the_last_one_was_sent(
    client, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_digest_send(today=datetime.date(2027, 3, 10))
    client.force_login(coordinator)
    page = client.get(reverse("events_weekly_digest")).content.decode()
    assert "The last one e-mailed to you was queued on Wednesday 10 March 2027, 09:00" in page


def test_the_digest_is_in_the_reports_menu_and_closed_to_champions(client):
    client.force_login(CoordinatorFactory())
    assert reverse("events_weekly_digest") in client.get("/admin/").content.decode()
    client.force_login(ChampionFactory().user)
    assert client.get(reverse("events_weekly_digest")).status_code == 403
