"""Writes for booking: a place or the waiting list, cancelling, and filling freed places."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from champions.models import Champion
from champions.selectors.champions import champion_has_current_dbs

from ..choices import EventStatus, RegistrationStatus
from ..models import Event, Registration
from ..selectors.events import event_visible_to
from .notices import registration_notify_promoted


class BookingRefused(ValidationError):
    """Raised when a champion may not book an event; the message says why, for the champion."""


@transaction.atomic
def registration_book(
    *, event: Event, champion: Champion, now: datetime.datetime | None = None
) -> Registration:
    """Book a place, or a place on the waiting list when the event is full.

    The event row is locked (SELECT ... FOR UPDATE) while booked places are counted, so that
    simultaneous bookings are served one at a time and capacity is never exceeded.
    """
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise BookingRefused("This event has been cancelled.")
    if event.status != EventStatus.SCHEDULED or event.has_started(now):
        raise BookingRefused("This event has already started, so it can no longer be booked.")
    if not event_visible_to(champion, event):
        raise BookingRefused("This event is by invitation only.")
    if event.requires_dbs and not champion_has_current_dbs(champion, today=timezone.localdate(now)):
        raise BookingRefused(
            "This event needs a current DBS check and we do not have one in date for you. "
            "Please talk to your coordinator about your DBS check."
        )
    registration = Registration.objects.filter(event=event, champion=champion).first()
    if registration is not None and registration.is_booked:
        raise BookingRefused("You already have a place on this event.")
    if registration is not None and registration.is_waiting:
        raise BookingRefused("You are already on the waiting list for this event.")
    booked = Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED).count()
    full = event.capacity is not None and booked >= event.capacity
    status = RegistrationStatus.WAITING if full else RegistrationStatus.BOOKED
    if registration is None:
        return Registration.objects.create(
            event=event, champion=champion, status=status, created_at=now
        )
    # Booking again after cancelling: back of the queue, attendance not yet recorded.
    registration.status = status
    registration.created_at = now
    registration.cancelled_at = None
    registration.promoted_at = None
    registration.attended = None
    registration.save()
    return registration


@transaction.atomic
def registration_cancel(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Cancel a booking or leave the waiting list, until the event starts.

    A freed place goes to the first on the waiting list, who is told by e-mail.
    """
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError("This booking is already cancelled.")
    if event.has_started(now):
        raise ValidationError("The event has started, so the booking can no longer be cancelled.")
    was_booked = registration.is_booked
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if was_booked:
        _fill_from_waiting_list(event, now)
    return registration


@transaction.atomic
def event_fill_from_waiting_list(
    *, event: Event, now: datetime.datetime | None = None
) -> list[Registration]:
    """Book as many on the waiting list as there are free places (after a capacity rise)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    return _fill_from_waiting_list(event, now or timezone.now())


def _fill_from_waiting_list(event: Event, now: datetime.datetime) -> list[Registration]:
    if event.status != EventStatus.SCHEDULED or event.has_started(now):
        return []
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    if event.capacity is not None:
        booked = Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED).count()
        free = max(event.capacity - booked, 0)
        if not free:
            return []
        waiting = waiting.order_by("created_at", "pk")[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.BOOKED
        registration.promoted_at = now
    Registration.objects.bulk_update(promoted, ["status", "promoted_at", "updated_at"])
    for registration in promoted:
        registration.event = event
        registration_notify_promoted(registration=registration)
    return promoted
