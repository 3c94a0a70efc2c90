"""The demo programme looks like a real one: market stalls on Saturdays, no training at
Christmas or weekends, nobody booked on a module they completed, consent wording of its day."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from champions.choices import ConsentKind
from champions.models import Consent, TrainingRecord
from champions.wording import consent_wording, consent_wording_on
from events.choices import EventKind, RegistrationStatus
from events.demo import event_day
from events.models import Event, Registration

pytestmark = pytest.mark.django_db

# Near Christmas, so that the demo's year of events runs through it.
TODAY = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def demo():
    with time_machine.travel(TODAY, tick=False):
        call_command("load_demo", verbosity=0)
        yield


def local_day(moment) -> datetime.date:
    return timezone.localtime(moment).date()


def test_event_day_moves_to_a_day_such_an_event_is_held():
    christmas_eve = datetime.date(2026, 12, 24)  # a Thursday
    assert event_day(EventKind.TRAINING, "Training: Core induction", christmas_eve) == (
        datetime.date(2026, 12, 28)  # past Christmas and Boxing Day, and the weekend
    )
    monday = datetime.date(2026, 3, 16)
    assert event_day(EventKind.STALL, "Stall at the Saturday market", monday) == (
        datetime.date(2026, 3, 21)
    )
    assert event_day(EventKind.STALL, "Stall at the Saturday market", christmas_eve) == (
        datetime.date(2027, 1, 2)  # Boxing Day is a Saturday in 2026
    )
    assert event_day(EventKind.SOCIAL, "Summer picnic", monday) == monday


def test_demo_events_fall_on_days_they_would_really_be_held(demo):
    events = list(Event.objects.all())
    assert any(local_day(e.starts_at).month == 12 for e in events)
    for event in events:
        day = local_day(event.starts_at)
        assert (day.month, day.day) not in {(12, 24), (12, 25), (12, 26), (1, 1)}, event
        if "Saturday" in event.title:
            assert day.weekday() == 5, (event.title, day)
        if event.kind == EventKind.TRAINING:
            assert day.weekday() < 5, (event.title, day)
    assert Event.objects.filter(title__contains="Saturday").exists()


def test_nobody_is_booked_on_a_module_they_had_completed(demo):
    completed = {
        (r.champion_id, r.module_id): r.completed_on
        for r in TrainingRecord.objects.exclude(completed_on=None)
    }
    assert completed
    bookings = Registration.objects.filter(
        event__kind=EventKind.TRAINING,
        status__in=[RegistrationStatus.BOOKED, RegistrationStatus.WAITING],
    ).select_related("event")
    assert bookings.exists()
    for booking in bookings:
        done = completed.get((booking.champion_id, booking.event.training_module_id))
        assert done is None or done > local_day(booking.event.starts_at), booking


def test_each_consent_names_the_wording_in_use_when_it_was_given(demo):
    consents = list(Consent.objects.all())
    assert {c.given_at.year for c in consents} >= {2025, 2026}
    for consent in consents:
        given = local_day(consent.given_at)
        assert consent.wording_version <= f"{given:%Y-%m}", consent
        assert consent.wording_version == consent_wording_on(consent.kind, given).version
    assert consent_wording_on(ConsentKind.STORY, datetime.date(2025, 6, 1)).version == "2021-09"
    current = consent_wording(ConsentKind.STORY)
    assert consent_wording_on(ConsentKind.STORY, datetime.date(2026, 2, 1)) == current
