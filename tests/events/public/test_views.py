import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.choices import Audience, EventStatus
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def test_public_listing_and_feed_show_only_public_upcoming_events(client):
    EventFactory(title="Family fun day", audience=Audience.PUBLIC)
    EventFactory(title="Champions only meeting", audience=Audience.CHAMPIONS)
    EventFactory(title="Invited panel", audience=Audience.INVITED)
    EventFactory(
        title="Cancelled picnic",
        audience=Audience.PUBLIC,
        status=EventStatus.CANCELLED,
        cancellation_reason="Rain",
    )
    html = client.get(reverse("events:public")).content.decode()
    assert "Family fun day" in html
    for private in ("Champions only meeting", "Invited panel", "Cancelled picnic"):
        assert private not in html
    calendar = icalendar.Calendar.from_ical(client.get(reverse("calendar:public")).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Family fun day"]


def test_public_event_ics_is_404_for_a_private_event(client):
    private = EventFactory(audience=Audience.CHAMPIONS)
    public = EventFactory(audience=Audience.PUBLIC)
    assert client.get(reverse("events:public_ics", args=[private.pk])).status_code == 404
    assert client.get(reverse("events:public_ics", args=[public.pk])).status_code == 200


def test_public_listing_queries_do_not_grow_with_events(client):
    EventFactory(audience=Audience.PUBLIC)
    few = _count_queries(client, reverse("events:public"))
    for _ in range(10):
        RegistrationFactory(event=EventFactory(audience=Audience.PUBLIC))
    assert _count_queries(client, reverse("events:public")) == few
