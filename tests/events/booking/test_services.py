import datetime
import threading

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from accounts.models import OutboxMessage
from accounts.services.outbox import outbox_messages_deliver
from champions.choices import CheckKind, CheckStatus
from events.choices import Audience, EventStatus, RegistrationStatus
from events.models import Registration
from events.services import booking as services
from events.services.booking import BookingRefused
from tests.factories.champions import ChampionFactory, OnboardingCheckFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _statuses(event):
    return sorted(Registration.objects.filter(event=event).values_list("status", flat=True))


def test_registration_book_books_until_full_then_waiting_list():
    event = EventFactory(capacity=2)
    first, second, third = (
        services.registration_book(event=event, champion=ChampionFactory()) for _ in range(3)
    )
    assert (first.status, second.status, third.status) == ("booked", "booked", "waiting")


def test_registration_book_unlimited_capacity_never_waits():
    event = EventFactory(capacity=None)
    for _ in range(30):
        services.registration_book(event=event, champion=ChampionFactory())
    assert set(_statuses(event)) == {"booked"}


def test_registration_book_twice_is_refused_with_reason():
    event = EventFactory(capacity=1)
    champion = ChampionFactory()
    services.registration_book(event=event, champion=champion)
    with pytest.raises(BookingRefused, match="already have a place"):
        services.registration_book(event=event, champion=champion)


def test_registration_book_refused_after_start_and_for_cancelled_event():
    started = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(BookingRefused, match="already started"):
        services.registration_book(event=started, champion=ChampionFactory())
    cancelled = EventFactory(status=EventStatus.CANCELLED, cancellation_reason="Venue flooded")
    with pytest.raises(BookingRefused, match="cancelled"):
        services.registration_book(event=cancelled, champion=ChampionFactory())


def test_event_requiring_dbs_refuses_champion_without_current_dbs():
    event = EventFactory(requires_dbs=True)
    no_check = ChampionFactory()
    expired = ChampionFactory()
    OnboardingCheckFactory(
        champion=expired,
        kind=CheckKind.DBS,
        renewal_due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    pending = ChampionFactory()
    OnboardingCheckFactory(champion=pending, kind=CheckKind.DBS, status=CheckStatus.PENDING)
    for champion in (no_check, expired, pending):
        with pytest.raises(BookingRefused, match="needs a current DBS check"):
            services.registration_book(event=event, champion=champion)
    current = ChampionFactory()
    OnboardingCheckFactory(champion=current, kind=CheckKind.DBS)
    assert services.registration_book(event=event, champion=current).is_booked


def test_invited_only_event_can_be_booked_only_by_the_invited():
    invited = ChampionFactory()
    event = EventFactory(audience=Audience.INVITED, invited=[invited])
    with pytest.raises(BookingRefused, match="invitation only"):
        services.registration_book(event=event, champion=ChampionFactory())
    assert services.registration_book(event=event, champion=invited).is_booked


def test_cancelling_a_booking_promotes_the_first_waiting_and_emails_them(
    smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    booked = services.registration_book(event=event, champion=ChampionFactory())
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        first_waiting = ChampionFactory(consenting=True)
        services.registration_book(event=event, champion=first_waiting)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        second_waiting = ChampionFactory(consenting=True)
        services.registration_book(event=event, champion=second_waiting)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=booked)

    assert Registration.objects.get(champion=first_waiting).status == RegistrationStatus.BOOKED
    assert Registration.objects.get(champion=second_waiting).status == RegistrationStatus.WAITING
    [message] = smtp_server.to(first_waiting.user.email)
    assert message["Subject"] == f"You have a place: {event.title}"
    assert "a place has come up and it is yours" in smtp_server.body(message)
    assert any(part.get_content_type() == "text/calendar" for part in message.walk())
    assert smtp_server.to(second_waiting.user.email) == []


def test_promotion_email_is_sent_once_however_often_delivery_runs(
    smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    booked = services.registration_book(event=event, champion=ChampionFactory())
    waiting = services.registration_book(event=event, champion=ChampionFactory(consenting=True))
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=booked)
    [message] = OutboxMessage.objects.filter(user=waiting.champion.user)
    assert outbox_messages_deliver(ids=[message.pk]) == 0  # delivered once already
    assert len(smtp_server.to(waiting.champion.user.email)) == 1


def test_leaving_the_waiting_list_promotes_no_one():
    event = EventFactory(capacity=1)
    services.registration_book(event=event, champion=ChampionFactory())
    first = services.registration_book(event=event, champion=ChampionFactory())
    second = services.registration_book(event=event, champion=ChampionFactory())
    services.registration_cancel(registration=first)
    assert _statuses(event) == ["booked", "cancelled", "waiting"]
    second.refresh_from_db()
    assert second.is_waiting


def test_cancel_is_refused_once_the_event_has_started():
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    with (
        time_machine.travel(event.starts_at + datetime.timedelta(seconds=1)),
        pytest.raises(ValidationError, match="no longer be cancelled"),
    ):
        services.registration_cancel(registration=registration)
    registration.refresh_from_db()
    assert registration.is_booked


def test_cancel_just_before_start_is_allowed():
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    with time_machine.travel(event.starts_at - datetime.timedelta(seconds=1)):
        services.registration_cancel(registration=registration)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_booking_again_after_cancelling_goes_to_the_back_of_the_waiting_list():
    event = EventFactory(capacity=1)
    champion = ChampionFactory()
    services.registration_book(event=event, champion=champion)
    services.registration_cancel(registration=Registration.objects.get(champion=champion))
    other = services.registration_book(event=event, champion=ChampionFactory())
    again = services.registration_book(event=event, champion=champion)
    assert other.is_booked and again.is_waiting


def test_raising_capacity_fills_places_from_the_waiting_list():
    event = EventFactory(capacity=1)
    for _ in range(3):
        services.registration_book(event=event, champion=ChampionFactory())
    event.capacity = 2
    event.save()
    services.event_fill_from_waiting_list(event=event)
    assert _statuses(event) == ["booked", "booked", "waiting"]


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_bookings_for_five_places_book_exactly_five():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite has none.")
    event = EventFactory(capacity=5)
    champions = [ChampionFactory() for _ in range(20)]
    barrier = threading.Barrier(len(champions))
    errors = []

    def book(champion):
        try:
            barrier.wait(timeout=10)
            services.registration_book(event=event, champion=champion)
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(c,)) for c in champions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    statuses = _statuses(event)
    assert statuses.count("booked") == 5
    assert statuses.count("waiting") == 15
