"""The champion's whole record in the admin, and the one name that tells champions apart."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from champions.choices import ConsentKind
from champions.models.profile import champion_display_name
from events.choices import RegistrationStatus
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
    ExpenseClaimFactory,
    SupervisionNoteFactory,
)
from tests.factories.cms import StoryPageFactory, story_index
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 8, 12, 11, 0, tzinfo=datetime.UTC)  # quarter from 1 July


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _inspect(client, champion):
    return client.get(f"/admin/champion/inspect/{champion.pk}/").content.decode()


def _record():
    champion = ChampionFactory(
        active=True, user__first_name="Zofia", user__last_name="Wójcik", preferred_name="Zosia"
    )
    for day, hours in ((datetime.date(2026, 8, 3), "2.5"), (datetime.date(2026, 7, 1), "1")):
        ActivityLogFactory(champion=champion, date=day, hours=Decimal(hours), approved=True)
    ActivityLogFactory(champion=champion, date=datetime.date(2026, 2, 1), hours=3, approved=True)
    ActivityLogFactory(champion=champion, date=datetime.date(2025, 6, 1), hours=4, approved=True)
    ActivityLogFactory(champion=champion, date=datetime.date(2026, 8, 4), hours=5)  # waiting
    ExpenseClaimFactory(champion=champion, amount=Decimal("21.40"), paid=True)
    ExpenseClaimFactory(champion=champion, amount=Decimal("1000.00"), paid=True)
    ExpenseClaimFactory(champion=champion, amount=Decimal("8.00"))
    came = EventFactory(title="Stay and play", past=True)
    RegistrationFactory(event=came, champion=champion, attended=True)
    RegistrationFactory(event=EventFactory(title="Dads' breakfast"), champion=champion)
    RegistrationFactory(
        event=EventFactory(title="Full up"), champion=champion, status=RegistrationStatus.WAITING
    )
    story_index()
    ConsentFactory(champion=champion, kind=ConsentKind.STORY)
    StoryPageFactory(title="From shy to speaking up", champion=champion)
    SupervisionNoteFactory(champion=champion, note="Talked about the forum.")
    return champion


def test_the_record_shows_hours_logs_events_claims_stories_notes_and_history(client):
    champion = _record()
    client.force_login(CoordinatorFactory())
    page = _inspect(client, champion)
    assert "<dt>This quarter</dt><dd>3.5</dd>" in page
    assert "<dt>This year</dt><dd>6.5</dd>" in page
    assert "<dt>All time</dt><dd>10.5</dd>" in page
    assert "Waiting for review" in page  # the recent log not yet approved
    assert "Paid in all: £1,021.40." in page and "Waiting for review: £8.00." in page
    assert "Events booked and attended" in page and "2 booked, 1 attended." in page
    assert "Stay and play" in page and "Present" in page and "Waiting list" in page
    assert "From shy to speaking up" in page
    assert "Talked about the forum." in page
    assert "Stage history" in page
    assert "Zofia Wójcik (Zosia)" in page


def test_viewers_do_not_see_supervision_notes(client):
    champion = _record()
    client.force_login(ViewerFactory())
    page = _inspect(client, champion)
    assert "Events booked and attended" in page
    assert "Talked about the forum." not in page


def test_the_record_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    champion = _record()
    client.force_login(CoordinatorFactory())
    _inspect(client, champion)
    for _ in range(5):
        ActivityLogFactory(champion=champion, approved=True, date=datetime.date(2026, 8, 1))
        RegistrationFactory(event=EventFactory(), champion=champion)
    with django_assert_max_num_queries(45):
        _inspect(client, champion)


def test_the_display_name_tells_champions_apart():
    assert (
        champion_display_name(
            pk=42, preferred_name="Amina", first_name="Amina", last_name="Khan", area="Kursaal"
        )
        == "Amina Khan"
    )
    assert (
        champion_display_name(
            pk=42,
            preferred_name="Amina",
            first_name="Amina",
            last_name="Khan",
            area="Kursaal",
            full_name=False,
        )
        == "Amina (Kursaal, #42)"
    )
    assert (
        champion_display_name(pk=7, preferred_name="Jo", first_name="", last_name="", area="")
        == "Jo (no area, #7)"
    )


def test_two_champions_with_one_first_name_read_differently_in_the_review_queue(client):
    ward = AreaFactory(name="Kursaal", slug="kursaal")
    for last in ("Ahmed", "Begum"):
        champion = ChampionFactory(user__first_name="Fatima", user__last_name=last, area=ward)
        ActivityLogFactory(champion=champion, date=datetime.date(2026, 8, 3))
    client.force_login(CoordinatorFactory())
    page = client.get("/admin/activitylog/").content.decode()
    assert "Fatima Ahmed" in page and "Fatima Begum" in page
