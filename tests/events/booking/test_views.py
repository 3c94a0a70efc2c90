import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from champions.choices import Stage
from events.choices import Audience, EventKind, EventStatus, RegistrationStatus
from events.models import Registration
from tests.factories.champions import ActivityLogFactory, AreaFactory, ChampionFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion():
    return ChampionFactory()


@pytest.fixture
def champion_client(client, champion):
    client.force_login(champion.user)
    return client


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def test_event_list_shows_visible_upcoming_events_with_places_left(champion_client, champion):
    event = EventFactory(title="Parent forum", capacity=3)
    RegistrationFactory(event=event)
    EventFactory(title="Invite only", audience=Audience.INVITED)
    EventFactory(title="Mine by invitation", audience=Audience.INVITED, invited=[champion])
    EventFactory(title="Long gone", starts_at=timezone.now() - datetime.timedelta(days=3))
    EventFactory(title="Called off", status=EventStatus.CANCELLED, cancellation_reason="x")
    html = champion_client.get(reverse("events:list")).content.decode()
    assert "Parent forum" in html
    assert "2 places left" in html
    assert "Mine by invitation" in html
    for hidden in ("Invite only", "Long gone", "Called off"):
        assert hidden not in html


def test_event_list_filters_by_kind_and_area(champion_client):
    ward = AreaFactory(name="Milton", slug="milton")
    EventFactory(title="Milton focus group", kind=EventKind.FOCUS_GROUP, area=ward)
    EventFactory(title="Milton social", kind=EventKind.SOCIAL, area=ward)
    EventFactory(title="Elsewhere focus group", kind=EventKind.FOCUS_GROUP)
    response = champion_client.get(
        reverse("events:list"), {"kind": EventKind.FOCUS_GROUP, "area": ward.pk}
    )
    titles = [e.title for e in response.context["events"]]
    assert titles == ["Milton focus group"]


def test_event_list_queries_do_not_grow_with_events_or_registrations(champion_client, champion):
    EventFactory(capacity=5)
    few = _count_queries(champion_client, reverse("events:list"))
    for _ in range(15):
        event = EventFactory(capacity=4)
        RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, champion=champion)
    assert _count_queries(champion_client, reverse("events:list")) == few


def test_book_and_cancel_through_the_pages(champion_client, champion):
    event = EventFactory(capacity=1)
    response = champion_client.post(reverse("events:book", args=[event.pk]), follow=True)
    assert "You are booked on" in response.content.decode()
    registration = Registration.objects.get(event=event, champion=champion)
    assert registration.is_booked
    response = champion_client.post(reverse("events:cancel", args=[registration.pk]), follow=True)
    assert "is cancelled" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_full_event_offers_waiting_list(champion_client, champion):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    html = champion_client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Full: waiting list" in html
    assert "Join the waiting list" in html
    response = champion_client.post(reverse("events:book", args=[event.pk]), follow=True)
    assert "you are on the waiting list" in response.content.decode()


def test_champion_event_pages_say_which_events_need_a_dbs_check(champion_client):
    event = EventFactory(requires_dbs=True)
    for url in (reverse("events:list"), reverse("events:detail", args=[event.pk])):
        html = champion_client.get(url).content.decode()
        assert "<dt>Checks</dt><dd>Needs a current DBS check</dd>" in html


def test_refused_booking_shows_the_reason(champion_client):
    event = EventFactory(requires_dbs=True)
    response = champion_client.post(reverse("events:book", args=[event.pk]), follow=True)
    assert "needs a current DBS check" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()


def test_champion_cannot_cancel_another_champions_booking(champion_client):
    other = RegistrationFactory()
    response = champion_client.post(reverse("events:cancel", args=[other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_booked


def test_uninvited_champion_gets_404_for_invited_only_event(champion_client):
    event = EventFactory(audience=Audience.INVITED)
    assert champion_client.get(reverse("events:detail", args=[event.pk])).status_code == 404
    assert champion_client.post(reverse("events:book", args=[event.pk])).status_code == 404
    assert champion_client.get(reverse("events:ics", args=[event.pk])).status_code == 404


def test_staff_without_champion_profile_get_404(client):
    from tests.factories.accounts import StaffFactory

    client.force_login(StaffFactory())
    assert client.get(reverse("events:list")).status_code == 404


def test_pages_need_sign_in(client):
    response = client.get(reverse("events:list"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_my_events_shows_upcoming_past_attendance_and_log_prompt(champion_client, champion):
    champion.stage = Stage.ACTIVE  # prompts to log apply from the logging stages on
    champion.save()
    upcoming = RegistrationFactory(champion=champion, event=EventFactory(title="Coming up"))
    past_event = EventFactory(
        title="Stay and play", starts_at=timezone.now() - datetime.timedelta(days=3)
    )
    RegistrationFactory(champion=champion, event=past_event, attended=True)
    missed = EventFactory(title="Missed it", starts_at=timezone.now() - datetime.timedelta(days=5))
    RegistrationFactory(champion=champion, event=missed, attended=False)
    html = champion_client.get(reverse("events:mine")).content.decode()
    assert "Coming up" in html
    assert reverse("events:cancel", args=[upcoming.pk]) in html
    assert "Attended" in html and "Absent" in html
    assert f'href="/dashboard/activity/new/?event={past_event.pk}"' in html
    assert f"/dashboard/activity/new/?event={missed.pk}" not in html


def test_an_event_already_logged_links_to_its_log_instead_of_a_prompt(champion_client, champion):
    champion.stage = Stage.ACTIVE  # prompts to log apply from the logging stages on
    champion.save()

    def attended(title, days_ago):
        event = EventFactory(
            title=title, starts_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
        RegistrationFactory(champion=champion, event=event, attended=True)
        return event

    pending, approved, rejected = attended("Pending", 2), attended("Approved", 3), attended("No", 4)
    waiting_log = ActivityLogFactory(champion=champion, event=pending)
    approved_log = ActivityLogFactory(champion=champion, event=approved, approved=True)
    ActivityLogFactory(champion=champion, event=rejected, rejected=True)
    ActivityLogFactory(event=approved)  # another champion's log changes nothing here
    for url in (reverse("events:mine"), reverse("champions:dashboard")):
        html = champion_client.get(url).content.decode()
        for logged, log in ((pending, waiting_log), (approved, approved_log)):
            assert f"/dashboard/activity/new/?event={logged.pk}" not in html
            assert f'href="{reverse("activity:detail", args=[log.pk])}"' in html
        assert "(waiting for review)" in html and "(approved)" in html
        assert f'href="/dashboard/activity/new/?event={rejected.pk}"' in html


def test_a_champion_sees_their_place_on_the_waiting_list(champion_client, champion):
    event = EventFactory(title="Health visiting forum", capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory.create_batch(2, event=event, waiting=True)
    RegistrationFactory(event=event, champion=champion, waiting=True)
    RegistrationFactory(event=event, waiting=True)
    assert "3rd on the waiting list" in champion_client.get(reverse("events:mine")).content.decode()
    detail = champion_client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "You are 3rd on the waiting list" in detail
    dashboard = champion_client.get(reverse("champions:dashboard")).content.decode()
    assert "3rd on the waiting list" in dashboard
    Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).first().delete()
    assert "2nd on the waiting list" in champion_client.get(reverse("events:mine")).content.decode()


def test_my_events_runs_constant_queries(champion_client, champion):
    url = reverse("events:mine")
    RegistrationFactory(champion=champion, waiting=True, event=EventFactory(capacity=0))
    few = _count_queries(champion_client, url)
    for n in range(5):
        RegistrationFactory(champion=champion, waiting=True, event=EventFactory(capacity=0))
        event = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=n + 1))
        RegistrationFactory(champion=champion, attended=True, event=event)
        ActivityLogFactory(champion=champion, event=event)
    assert _count_queries(champion_client, url) == few


def test_dashboard_panel_lists_bookings_and_prompts_in_constant_queries(champion_client, champion):
    RegistrationFactory(champion=champion, event=EventFactory(title="Health visiting forum"))
    url = reverse("champions:dashboard")
    html = champion_client.get(url).content.decode()
    assert "Health visiting forum" in html
    few = _count_queries(champion_client, url)
    for n in range(6):
        RegistrationFactory(champion=champion)
        RegistrationFactory(
            champion=champion,
            attended=True,
            event=EventFactory(starts_at=timezone.now() - datetime.timedelta(days=n + 1)),
        )
    assert _count_queries(champion_client, url) == few


def test_the_events_page_shows_ten_events_a_page_by_week_in_constant_queries(champion_client):
    start = timezone.now() + datetime.timedelta(days=1)
    few = _count_queries(champion_client, reverse("events:list"))
    for n in range(25):
        EventFactory(title=f"Event {n:02}", starts_at=start + datetime.timedelta(days=n))
    html = champion_client.get(reverse("events:list")).content.decode()
    assert "25 events" in html and "Page 1 of 3" in html
    assert html.count('<li class="card">') == 10
    assert "Event 09" in html and "Event 10" not in html
    assert html.count('<h2 id="week-') in (2, 3)
    assert "Week beginning Monday" in html
    assert _count_queries(champion_client, reverse("events:list")) == few + 1  # the count
    assert _count_queries(champion_client, reverse("events:list") + "?page=3") == few + 1
    page3 = champion_client.get(reverse("events:list"), {"page": 3}).content.decode()
    assert "Event 24" in page3 and "Event 19" not in page3


def test_event_page_links_keep_the_filters(champion_client):
    for _ in range(12):
        EventFactory(kind=EventKind.FOCUS_GROUP)
    html = champion_client.get(reverse("events:list"), {"kind": EventKind.FOCUS_GROUP}).content
    assert f'href="?kind={EventKind.FOCUS_GROUP}&amp;page=2"' in html.decode()
