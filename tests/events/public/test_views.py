import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.site import absolute_url
from events.choices import Audience, EventStatus
from events.models import Event
from tests.factories.cms import PublicEventsPageFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_public_feed_shows_only_public_upcoming_events_linked_to_whats_on(client):
    page = PublicEventsPageFactory()
    EventFactory(title="Family fun day", audience=Audience.PUBLIC)
    EventFactory(title="Champions only meeting", audience=Audience.CHAMPIONS)
    EventFactory(title="Invited panel", audience=Audience.INVITED)
    EventFactory(
        title="Cancelled picnic",
        audience=Audience.PUBLIC,
        status=EventStatus.CANCELLED,
        cancellation_reason="Rain",
    )
    calendar = icalendar.Calendar.from_ical(client.get(reverse("calendar:public")).content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Family fun day"
    event = Event.objects.get(title="Family fun day")
    assert str(vevent["url"]) == absolute_url(f"{page.url}{event.pk}/")
    assert client.get(f"{page.url}{event.pk}/").status_code == 200


def test_the_old_public_listing_redirects_for_good_to_whats_on(client):
    assert client.get("/events/public/").status_code == 404  # no events page on the site yet
    page = PublicEventsPageFactory()
    response = client.get("/events/public/?page=2")
    assert response.status_code == 301
    assert response["Location"] == page.url == "/whats-on/"


def test_public_event_ics_is_404_for_a_private_event(client):
    private = EventFactory(audience=Audience.CHAMPIONS)
    public = EventFactory(audience=Audience.PUBLIC)
    assert client.get(reverse("events:public_ics", args=[private.pk])).status_code == 404
    assert client.get(reverse("events:public_ics", args=[public.pk])).status_code == 200


def test_the_public_feed_queries_do_not_grow_with_events(client):
    PublicEventsPageFactory()
    EventFactory(audience=Audience.PUBLIC)
    client.get(reverse("calendar:public"))  # warm the per-process site cache
    few = _count_queries(client, reverse("calendar:public"))
    for _ in range(10):
        RegistrationFactory(event=EventFactory(audience=Audience.PUBLIC))
    assert _count_queries(client, reverse("calendar:public")) == few
