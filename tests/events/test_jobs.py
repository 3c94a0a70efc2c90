import datetime
import zoneinfo

import icalendar
import pytest
import time_machine

from accounts.models import OutboxMessage
from champions.choices import ActivityStatus, ExpenseStatus
from champions.services.consents import consent_withdraw
from events.choices import ActionStatus, EventStatus, RegistrationStatus
from events.services.booking import registration_cancel
from events.services.digest import coordinator_digest_send
from events.services.events import event_cancel
from events.services.notices import event_notify_cancelled, event_reminders_send
from events.tasks.notices import send_event_reminders
from tests.factories.accounts import CoordinatorFactory, StaffFactory
from tests.factories.activity import ActivityLogFactory, ExpenseClaimFactory
from tests.factories.champions import ChampionFactory, OnboardingCheckFactory
from tests.factories.events import (
    EventFactory,
    MeetingActionFactory,
    RegistrationFactory,
    consenting_champion,
)

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")
START = datetime.datetime(2027, 3, 10, 18, 0, tzinfo=LONDON)


@pytest.fixture
def event():
    return EventFactory(title="Parents' forum", starts_at=START, ends_at=START.replace(hour=20))


def _booked(event, **kwargs):
    return RegistrationFactory(event=event, champion=consenting_champion(), **kwargs)


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


def test_weekly_digest_goes_to_coordinators_once_a_week(
    smtp_server, django_capture_on_commit_callbacks
):
    today = datetime.date(2027, 3, 8)  # a Monday
    coordinator = CoordinatorFactory()
    StaffFactory()  # staff outside the coordinators group get nothing
    soon = datetime.datetime(2027, 3, 11, 10, 0, tzinfo=LONDON)
    EventFactory(title="Stay and play", starts_at=soon, ends_at=soon.replace(hour=12), capacity=5)
    full = EventFactory(title="Full up", starts_at=soon, ends_at=soon.replace(hour=12), capacity=1)
    RegistrationFactory(event=full)
    later = datetime.datetime(2027, 4, 1, 10, 0, tzinfo=LONDON)
    EventFactory(title="Next month", starts_at=later, ends_at=later.replace(hour=12))
    MeetingActionFactory(what="Share the survey results", due_on=datetime.date(2027, 3, 1))
    MeetingActionFactory(
        what="Done already", due_on=datetime.date(2027, 3, 1), status=ActionStatus.DONE
    )
    MeetingActionFactory(what="Not due yet", due_on=datetime.date(2027, 3, 20))
    ActivityLogFactory(status=ActivityStatus.SUBMITTED)
    ActivityLogFactory(status=ActivityStatus.APPROVED)
    ExpenseClaimFactory(status=ExpenseStatus.SUBMITTED)
    dbs = OnboardingCheckFactory(
        champion__preferred_name="Dee",
        completed_on=datetime.date(2024, 3, 20),
        renewal_due_on=datetime.date(2027, 3, 20),
    )
    OnboardingCheckFactory(renewal_due_on=datetime.date(2027, 9, 1))  # not yet

    with (
        time_machine.travel(datetime.datetime(2027, 3, 8, 7, 30, tzinfo=LONDON)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert coordinator_digest_send(today=today) == 1
        assert coordinator_digest_send(today=today + datetime.timedelta(days=2)) == 0
    [message] = smtp_server.to(coordinator.email)
    body = smtp_server.body(message)
    assert "Stay and play" in body and "5 places, 0 booked" in body
    assert "Full up" not in body and "Next month" not in body
    assert "Share the survey results" in body
    assert "Done already" not in body and "Not due yet" not in body
    assert "Activity logs: 1" in body and "Expense claims: 1" in body
    assert f"DBS renewal for {dbs.champion.preferred_name}: 20 Mar 2027" in body
    assert body.count("DBS renewal for") == 1
    assert message["Subject"] == "Weekly digest: week of 8 March 2027"
    assert len(smtp_server.messages) == 1
