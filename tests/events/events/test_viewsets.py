import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events.choices import EventKind, EventStatus
from events.models import Event
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import (
    ChampionFactory,
)
from tests.factories.events import (
    EventFactory,
    MeetingRecordFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def _past_event(**kwargs):
    starts = timezone.now() - datetime.timedelta(hours=3)
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)


def _register_url(event):
    return reverse("events_event:register", args=[event.pk])


def test_champions_have_no_admin_access(client):
    client.force_login(ChampionFactory().user)
    response = client.get(_register_url(_past_event()))
    assert response.status_code == 403


def test_staff_cancel_event_with_reason_emails_booked_and_is_audited(
    coordinator_client, smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Dads' breakfast")
    booked = RegistrationFactory(event=event, champion=ChampionFactory(consenting=True))
    url = reverse("events_event:cancel", args=[event.pk])
    response = coordinator_client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, {"reason": "Speaker unwell"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.cancellation_reason) == (EventStatus.CANCELLED, "Speaker unwell")
    [message] = smtp_server.to(booked.champion.user.email)
    assert "Speaker unwell" in smtp_server.body(message)
    entry = ModelLogEntry.objects.get(object_id=str(event.pk), action="events.event.cancel")
    assert entry.data == {"reason": "Speaker unwell"}
    assert (
        "Cancelled the event"
        in coordinator_client.get(reverse("events_event:history", args=[event.pk])).content.decode()
    )


def test_events_listing_filters_and_queries_stay_constant(coordinator_client):
    url = reverse("events_event:index")
    EventFactory(title="Future forum", kind=EventKind.CO_PRODUCTION)
    _past_event(title="Last week's stall", kind=EventKind.STALL)
    html = coordinator_client.get(url, {"when": "upcoming"}).content.decode()
    assert "Future forum" in html and "Last week&#x27;s stall" not in html
    html = coordinator_client.get(url, {"when": "past", "kind": EventKind.STALL}).content.decode()
    assert "Last week&#x27;s stall" in html and "Future forum" not in html

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert coordinator_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for _ in range(12):
        event = EventFactory(kind=EventKind.CO_PRODUCTION, capacity=10)
        RegistrationFactory.create_batch(2, event=event)
        MeetingRecordFactory(event=event)
    assert count() == few


def test_events_export_neutralises_formulas(coordinator_client):
    EventFactory(title="=HYPERLINK(evil)")
    response = coordinator_client.get(reverse("events_event:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(evil)" in content


def test_duplicating_an_event_prefills_a_new_one(coordinator_client):
    event = EventFactory(title="Monthly coffee morning", capacity=12)
    response = coordinator_client.get(reverse("events_event:copy", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Monthly coffee morning"' in html
    assert reverse("events_event:add") in html


def test_event_edit_raising_capacity_books_waiting_champions(coordinator_client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waiting")
    local = timezone.localtime(event.starts_at)
    data = {
        "title": event.title,
        "kind": event.kind,
        "starts_at": f"{local:%Y-%m-%d %H:%M}",
        "ends_at": f"{local + datetime.timedelta(hours=2):%Y-%m-%d %H:%M}",
        "venue_name": event.venue_name,
        "venue_address": event.venue_address,
        "area": event.area_id,
        "audience": event.audience,
        "capacity": "2",
    }
    response = coordinator_client.post(reverse("events_event:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Event.objects.get(pk=event.pk).capacity == 2
    waiting.refresh_from_db()
    assert waiting.is_booked


def test_events_listing_opens_with_the_next_event_first_and_shows_dates_as_dates(
    coordinator_client,
):
    now = timezone.now().replace(microsecond=0)
    EventFactory(title="Later", starts_at=now + datetime.timedelta(days=20))
    _past_event(title="Past")
    EventFactory(
        title="Long past",
        starts_at=now - datetime.timedelta(days=30),
        ends_at=now - datetime.timedelta(days=30) + datetime.timedelta(hours=1),
    )
    nxt = EventFactory(title="Next", starts_at=now + datetime.timedelta(days=2))
    response = coordinator_client.get(reverse("events_event:index"))
    titles = [e.title for e in response.context["object_list"]]
    assert titles == ["Next", "Later", "Past", "Long past"]
    page = response.content.decode()
    starts = timezone.localtime(nxt.starts_at)
    assert f"{starts:%a %-d %b %Y, %H:%M}" in page
    assert "Just now" not in page


def test_events_listing_still_sorts_by_a_column_when_asked(coordinator_client):
    EventFactory(title="B", starts_at=timezone.now() + datetime.timedelta(days=2))
    EventFactory(title="A", starts_at=timezone.now() + datetime.timedelta(days=9))
    response = coordinator_client.get(reverse("events_event:index"), {"ordering": "-starts_at"})
    assert [e.title for e in response.context["object_list"]] == ["A", "B"]
