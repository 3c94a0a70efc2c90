import datetime
import zoneinfo

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import OutboxMessage
from champions.services.consents import consent_withdraw
from events.choices import EventStatus, RegistrationStatus
from events.services.booking import registration_cancel
from events.services.events import event_cancel
from events.services.notices import event_notify_cancelled, event_reminders_send
from events.tasks.notices import send_event_reminders
from tests.factories.accounts import StaffFactory
from tests.factories.champions import ChampionFactory
from tests.factories.events import (
    EventFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


LONDON = zoneinfo.ZoneInfo("Europe/London")


START = datetime.datetime(2027, 3, 10, 18, 0, tzinfo=LONDON)


@pytest.fixture
def event():
    return EventFactory(title="Parents' forum", starts_at=START, ends_at=START.replace(hour=20))


def _booked(event, **kwargs):
    return RegistrationFactory(event=event, champion=ChampionFactory(consenting=True), **kwargs)


def test_reminder_is_sent_48_hours_ahead_once_per_booking_with_ics(
    smtp_server, event, django_capture_on_commit_callbacks
):
    first, second = _booked(event), _booked(event)
    with django_capture_on_commit_callbacks(execute=True):
        with time_machine.travel(START - datetime.timedelta(hours=49)):
            assert send_event_reminders.delay().get() == 0
        with time_machine.travel(START - datetime.timedelta(hours=47)):
            assert send_event_reminders.delay().get() == 2
            assert send_event_reminders.delay().get() == 0
        with time_machine.travel(START - datetime.timedelta(hours=2)):
            assert event_reminders_send() == 0
    for registration in (first, second):
        [message] = smtp_server.to(registration.champion.user.email)
        assert message["Subject"] == "Reminder: Parents' forum"
        assert "Wednesday 10 March 2027, 18:00" in smtp_server.body(message)
        [ics] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
        vevent = icalendar.Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT")[0]
        assert vevent.decoded("dtstart") == START
    sent = OutboxMessage.objects.filter(key__endswith=".reminder", status="sent")
    assert sent.count() == 2


def _reminder_run_queries(bookings: int, events: int) -> tuple[int, int]:
    """(queued, queries) for a run due for `bookings` on `events` new events starting at once."""
    starts = START + datetime.timedelta(days=7 * OutboxMessage.objects.count() + 7)
    for _ in range(events):
        event = EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
        for _booking in range(bookings // events):
            _booked(event)
    RegistrationFactory(event=event, champion=ChampionFactory())  # no consent: nothing
    with (
        time_machine.travel(starts - datetime.timedelta(hours=24)),
        CaptureQueriesContext(connection) as queries,
    ):
        queued = event_reminders_send()
    return queued, len(queries)


def test_reminders_are_queued_in_as_many_queries_for_many_bookings(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):  # delivery is not counted
        _reminder_run_queries(bookings=1, events=1)  # the settings and the site, cached
        few = _reminder_run_queries(bookings=1, events=1)
        many = _reminder_run_queries(bookings=12, events=3)
    assert few[0] == 1 and many[0] == 12
    assert few[1] == many[1]


def test_no_reminder_after_cancelling_the_booking_or_the_event(smtp_server, event):
    cancelled_booking = _booked(event)
    registration_cancel(registration=cancelled_booking)
    waiting = _booked(event, status=RegistrationStatus.WAITING)
    other_event = EventFactory(
        starts_at=START,
        ends_at=START.replace(hour=20),
        status=EventStatus.CANCELLED,
        cancellation_reason="Venue closed",
    )
    on_cancelled_event = _booked(other_event)
    with time_machine.travel(START - datetime.timedelta(hours=24)):
        assert event_reminders_send() == 0
    for registration in (cancelled_booking, waiting, on_cancelled_event):
        assert smtp_server.to(registration.champion.user.email) == []


def test_no_reminder_without_contact_consent(smtp_server, event):
    never_consented = RegistrationFactory(event=event, champion=ChampionFactory())
    withdrew = _booked(event)
    consent_withdraw(champion=withdrew.champion, kind="contact_email")
    with time_machine.travel(START - datetime.timedelta(hours=24)):
        assert event_reminders_send() == 0
    assert smtp_server.to(never_consented.champion.user.email) == []
    assert smtp_server.to(withdrew.champion.user.email) == []
    assert not OutboxMessage.objects.exists()


def test_cancelling_an_event_tells_booked_champions_once_with_reason(
    smtp_server, event, django_capture_on_commit_callbacks
):
    booked = _booked(event)
    staff = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event, reason="The hall is flooded.", by=staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert event_notify_cancelled(event=event) == 0  # told once only
    [message] = smtp_server.to(booked.champion.user.email)
    assert message["Subject"] == "Cancelled: Parents' forum"
    assert "The hall is flooded." in smtp_server.body(message)
