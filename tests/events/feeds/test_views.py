import datetime
import zoneinfo

import icalendar
import pytest
import time_machine
from django.urls import reverse

from events.choices import RegistrationStatus
from events.models import CalendarFeed
from tests.factories.champions import ChampionFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def champion():
    return ChampionFactory()


@pytest.fixture
def champion_client(client, champion):
    client.force_login(champion.user)
    return client


def _parse_single_event(content):
    calendar = icalendar.Calendar.from_ical(content)
    [vevent] = calendar.walk("VEVENT")
    return calendar, vevent


@pytest.mark.parametrize(
    "local_start",
    [
        datetime.datetime(2027, 7, 14, 18, 30),  # British Summer Time (UTC+1)
        datetime.datetime(2027, 1, 20, 10, 0),  # Greenwich Mean Time (UTC+0)
    ],
)
def test_ics_download_keeps_london_local_times(champion_client, local_start):
    starts_at = local_start.replace(tzinfo=LONDON)
    event = EventFactory(
        title="Mapping session",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
    )
    with time_machine.travel(datetime.datetime(2026, 12, 1, tzinfo=LONDON)):
        response = champion_client.get(reverse("events:ics", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar, vevent = _parse_single_event(response.content)
    start = vevent.decoded("dtstart")
    assert start == event.starts_at
    assert (start.hour, start.minute) == (local_start.hour, local_start.minute)
    assert vevent["dtstart"].params["TZID"] == "Europe/London"
    assert str(vevent["summary"]) == "Mapping session"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert vevent.decoded("dtstamp").utcoffset() == datetime.timedelta(0)


def test_private_feed_lists_bookings_and_wrong_token_is_404(client, champion_client, champion):
    booked = RegistrationFactory(champion=champion, event=EventFactory(title="Booked one"))
    RegistrationFactory(
        champion=champion, status=RegistrationStatus.WAITING, event=EventFactory(title="Waiting")
    )
    RegistrationFactory(event=EventFactory(title="Somebody else's"))
    page = champion_client.get(reverse("events:calendar"))
    feed = CalendarFeed.objects.get(champion=champion)
    assert feed.token in page.content.decode()
    client.logout()
    response = client.get(reverse("calendar:private", args=[feed.token]))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [booked.event.title]
    assert client.get(reverse("calendar:private", args=["not-the-token"])).status_code == 404
    assert client.get(reverse("calendar:private", args=[feed.token[:-1]])).status_code == 404


def test_resetting_the_feed_token_invalidates_the_old_address(client, champion_client, champion):
    champion_client.get(reverse("events:calendar"))
    old = CalendarFeed.objects.get(champion=champion).token
    champion_client.post(reverse("events:calendar"))
    new = CalendarFeed.objects.get(champion=champion).token
    assert new != old and len(new) >= 40
    assert client.get(reverse("calendar:private", args=[old])).status_code == 404
    assert client.get(reverse("calendar:private", args=[new])).status_code == 200
