"""Writes for events: booking, waiting list, cancellation, attendance, feeds and e-mails."""

import datetime
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import COORDINATORS
from champions.choices import TrainingStatus
from champions.models import Champion, TrainingRecord
from champions.services.notifications import email_champion

from .choices import EventKind, EventStatus, NoticeKind, RegistrationStatus
from .ical import event_filename, events_to_ical
from .models import CalendarFeed, CoordinatorDigest, Event, Notice, Registration, WalkIn
from .selectors import (
    can_see,
    event_register,
    events_with_places_between,
    has_current_dbs,
    open_actions,
)


class BookingRefused(ValidationError):
    """Raised when a champion may not book an event; the message says why, for the champion."""


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Booking and the waiting list
# ------------------------------------------------------------------------------


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
    if not can_see(champion, event):
        raise BookingRefused("This event is by invitation only.")
    if event.requires_dbs and not has_current_dbs(champion, today=timezone.localdate(now)):
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

    from .tasks import send_promotion_notice

    for registration in promoted:
        transaction.on_commit(lambda pk=registration.pk: send_promotion_notice.delay(pk))
    return promoted


# E-mails, each sent at most once (recorded as a Notice)
# ------------------------------------------------------------------------------


def _send_once(
    registration: Registration,
    *,
    kind: str,
    key: str = "",
    subject: str,
    template: str,
    connection=None,
    ics: bytes | str | None = None,
) -> bool:
    """E-mail the champion unless this notice was sent before; returns whether one was sent.

    Nothing is recorded when the champion has no contact consent, so that consent given later
    still brings the e-mail.
    """
    event = registration.event
    if ics is None:
        ics = events_to_ical([event], name=event.title, url_for=_champion_event_url)
    with transaction.atomic():
        notice, created = Notice.objects.get_or_create(
            registration=registration, kind=kind, key=key
        )
        if not created:
            return False
        sent = email_champion(
            champion=registration.champion,
            subject=subject,
            template=template,
            context={
                "event": event,
                "registration": registration,
                "event_url": _champion_event_url(event),
                "my_events_url": absolute_url(reverse("events:mine")),
            },
            attachments=[(event_filename(event), ics, "text/calendar")],
            connection=connection,
        )
        if not sent:
            notice.delete()
        return sent


def _champion_event_url(event: Event) -> str:
    return absolute_url(reverse("events:detail", args=[event.pk]))


def registration_notify_promoted(*, registration_id: int) -> bool:
    """Tell a champion they have been given a place from the waiting list."""
    registration = Registration.objects.select_related("event__area", "champion__user").get(
        pk=registration_id
    )
    if not registration.is_booked or registration.promoted_at is None:
        return False
    if registration.event.status != EventStatus.SCHEDULED:
        return False
    return _send_once(
        registration,
        kind=NoticeKind.PROMOTED,
        key=registration.promoted_at.isoformat(),
        subject=f"You have a place: {registration.event.title}",
        template="events/email/promoted.txt",
    )


def event_notify_cancelled(*, event_id: int) -> int:
    """Tell everyone booked or waiting that the event is cancelled, with the reason."""
    registrations = Registration.objects.filter(
        event_id=event_id,
        event__status=EventStatus.CANCELLED,
        status__in=[RegistrationStatus.BOOKED, RegistrationStatus.WAITING],
    ).select_related("event__area", "champion__user")
    return sum(
        _send_once(
            registration,
            kind=NoticeKind.EVENT_CANCELLED,
            subject=f"Cancelled: {registration.event.title}",
            template="events/email/event_cancelled.txt",
        )
        for registration in registrations
    )


def event_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind every booked champion of an event starting within EVENT_REMINDER_HOURS, once."""
    now = now or timezone.now()
    horizon = now + datetime.timedelta(hours=settings.EVENT_REMINDER_HOURS)
    due = (
        Registration.objects.filter(
            status=RegistrationStatus.BOOKED,
            event__status=EventStatus.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=horizon,
        )
        .exclude(notices__kind=NoticeKind.REMINDER)
        .select_related("event__area", "champion__user")
    )
    # One SMTP session and one .ics per event for the whole run: thousands of reminders can
    # fall due together.
    calendars = {}
    sent = 0
    with get_connection() as connection:
        for registration in due:
            event = registration.event
            if event.pk not in calendars:
                calendars[event.pk] = events_to_ical(
                    [event], name=event.title, url_for=_champion_event_url
                )
            sent += _send_once(
                registration,
                kind=NoticeKind.REMINDER,
                subject=f"Reminder: {event.title}",
                template="events/email/reminder.txt",
                connection=connection,
                ics=calendars[event.pk],
            )
    return sent


# Staff decisions
# ------------------------------------------------------------------------------


@transaction.atomic
def event_cancel(*, event: Event, reason: str, by, now: datetime.datetime | None = None) -> Event:
    """Cancel an event with a reason; everyone booked or waiting is told by e-mail."""
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason: it is sent to everyone booked."})
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError("This event is already cancelled.")
    if event.ends_at <= now:
        raise ValidationError("This event has already taken place.")
    event.status = EventStatus.CANCELLED
    event.cancellation_reason = reason
    event.cancelled_at = now
    event.save(update_fields=["status", "cancellation_reason", "cancelled_at"])
    log(instance=event, action="events.cancel", user=by, data={"reason": reason})

    from .tasks import notify_event_cancelled

    transaction.on_commit(lambda: notify_event_cancelled.delay(event.pk))
    return event


@dataclass(frozen=True)
class WalkInData:
    role: str
    name: str = ""
    organisation: str = ""


@transaction.atomic
def attendance_record(
    *,
    event: Event,
    marks: dict[int, bool | None],
    families_reached: int | None,
    children_reached: int | None,
    new_walk_ins: Iterable[WalkInData] = (),
    remove_walk_in_ids: Iterable[int] = (),
    by,
    now: datetime.datetime | None = None,
) -> dict:
    """Save an event's register in one go, in a constant number of queries.

    `marks` maps registration ids to present (True), absent (False) or not recorded (None).
    Present champions at a training session get the module's training record as "attended".
    """
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError("This event was cancelled: there is no attendance to take.")
    if not event.has_started(now):
        raise ValidationError("Attendance can be recorded once the event has started.")
    registrations = list(event_register(event))
    changed = []
    for registration in registrations:
        if registration.pk in marks and registration.attended != marks[registration.pk]:
            registration.attended = marks[registration.pk]
            changed.append(registration)
    Registration.objects.bulk_update(changed, ["attended"], batch_size=500)

    removed_ids = list(remove_walk_in_ids)
    if removed_ids:
        WalkIn.objects.filter(event=event, pk__in=removed_ids).delete()
    added = WalkIn.objects.bulk_create(
        [
            WalkIn(
                event=event, role=w.role, name=w.name.strip(), organisation=w.organisation.strip()
            )
            for w in new_walk_ins
        ]
    )

    event.families_reached = families_reached
    event.children_reached = children_reached
    event.attendance_taken_at = now
    event.attendance_taken_by = by
    update_fields = [
        "families_reached",
        "children_reached",
        "attendance_taken_at",
        "attendance_taken_by",
    ]
    if event.ends_at <= now:
        event.status = EventStatus.COMPLETED
        update_fields.append("status")
    event.save(update_fields=update_fields)

    present = [r.champion_id for r in registrations if r.attended]
    if event.kind == EventKind.TRAINING and event.training_module_id and present:
        _training_mark_attended(event, present)

    summary = {
        "present": len(present),
        "absent": sum(1 for r in registrations if r.attended is False),
        "walk_ins_added": len(added),
        "walk_ins_removed": len(removed_ids),
        "families_reached": families_reached,
        "children_reached": children_reached,
    }
    log(instance=event, action="events.attendance", user=by, data=summary)
    return summary


def _training_mark_attended(event: Event, champion_ids: list[int]) -> None:
    existing = {
        r.champion_id: r
        for r in TrainingRecord.objects.filter(
            module_id=event.training_module_id, champion_id__in=champion_ids
        )
    }
    to_update = [
        r
        for r in existing.values()
        if r.status not in (TrainingStatus.COMPLETED, TrainingStatus.ATTENDED)
    ]
    for record in to_update:
        record.status = TrainingStatus.ATTENDED
    TrainingRecord.objects.bulk_update(to_update, ["status", "updated_at"])
    TrainingRecord.objects.bulk_create(
        [
            TrainingRecord(
                champion_id=pk, module_id=event.training_module_id, status=TrainingStatus.ATTENDED
            )
            for pk in champion_ids
            if pk not in existing
        ]
    )


# Calendar feeds
# ------------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def calendar_feed_for(*, champion: Champion) -> CalendarFeed:
    """The champion's private feed, created with a fresh secret token on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(
        champion=champion, defaults={"token": _new_token()}
    )
    return feed


@transaction.atomic
def calendar_feed_reset(*, champion: Champion) -> CalendarFeed:
    """Give the feed a new token: the old URL stops working at once."""
    feed, _ = CalendarFeed.objects.update_or_create(
        champion=champion, defaults={"token": _new_token(), "created_at": timezone.now()}
    )
    return feed


# Weekly digest for coordinators
# ------------------------------------------------------------------------------


def coordinator_digest_send(*, today: datetime.date | None = None) -> int:
    """Send each coordinator this week's digest once: next week's events with places left,
    overdue meeting actions, logs and claims waiting for review, and checks and training
    expiring in the next 30 days."""
    from champions.selectors.digest import staff_digest_champions as staff_digest_context

    today = today or timezone.localdate()
    week_starting = today - datetime.timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    events = events_with_places_between(start, start + datetime.timedelta(days=7))
    overdue = list(open_actions(today=today).filter(due_on__lt=today))
    coordinators = (
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .exclude(email="")
        .distinct()
    )
    body = render_to_string(
        "events/email/coordinator_digest.txt",
        {
            "events": events,
            "overdue": overdue,
            "today": today,
            "admin_url": absolute_url(reverse("wagtailadmin_home")),
            **staff_digest_context(today=today),
        },
    )
    sent = 0
    for user in coordinators:
        with transaction.atomic():
            _, created = CoordinatorDigest.objects.get_or_create(
                user=user, week_starting=week_starting
            )
            if not created:
                continue
            EmailMessage(
                f"Weekly digest: week of {week_starting:%-d %B %Y}",
                body,
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            ).send()
            sent += 1
    return sent
