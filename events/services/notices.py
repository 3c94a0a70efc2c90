"""E-mails about bookings, each sent once through the outbox (keyed by registration and kind).

Nothing is queued for a champion without contact consent, so that consent given later still
brings the e-mail. Each carries the event as a calendar (.ics) file.
"""

import datetime

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from accounts.models import OutboxMessage
from accounts.services.outbox import outbox_deliver_after_commit
from accounts.site import absolute_url
from champions.services.notifications import champion_email_queue, champion_emails_queue

from ..choices import EventStatus, RegistrationStatus
from ..ical import event_filename, events_to_ical
from ..models import Event, EventsSettings, Registration

REMINDER = "reminder"
PROMOTED = "promoted"
EVENT_CANCELLED = "event_cancelled"


def notice_key(registration_id: int, kind: str, detail: str = "") -> str:
    """e.g. "events.registration.12.reminder"; `detail` tells repeats apart (a new promotion)."""
    return f"events.registration.{registration_id}.{kind}" + (f".{detail}" if detail else "")


def event_url(event: Event) -> str:
    """The champion's page for the event, on the site's address."""
    return absolute_url(reverse("events:detail", args=[event.pk]))


def _queue(registration, *, key, subject, template, ics=None, deliver=True):
    event = registration.event
    if ics is None:
        ics = events_to_ical([event], name=event.title, url_for=event_url)
    return champion_email_queue(
        champion=registration.champion,
        key=key,
        subject=subject,
        template=template,
        context={
            "event": event,
            "registration": registration,
            "event_url": event_url(event),
            "my_events_url": absolute_url(reverse("events:mine")),
        },
        attachments=[(event_filename(event), ics, "text/calendar")],
        deliver=deliver,
    )


def registration_notify_promoted(*, registration: Registration) -> bool:
    """Tell a champion they have been given a place from the waiting list (once per offer)."""
    if not registration.is_booked or registration.promoted_at is None:
        return False
    if registration.event.status != EventStatus.SCHEDULED:
        return False
    return bool(
        _queue(
            registration,
            key=notice_key(registration.pk, PROMOTED, registration.promoted_at.isoformat()),
            subject=f"You have a place: {registration.event.title}",
            template="events/email/promoted.txt",
        )
    )


@transaction.atomic
def event_notify_cancelled(*, event: Event) -> int:
    """Tell everyone booked or waiting that the event is cancelled, with the reason."""
    registrations = Registration.objects.filter(
        event=event, status__in=[RegistrationStatus.BOOKED, RegistrationStatus.WAITING]
    ).select_related("event__area", "champion__user")
    queued = [
        message.pk
        for registration in registrations
        if (
            message := _queue(
                registration,
                key=notice_key(registration.pk, EVENT_CANCELLED),
                subject=f"Cancelled: {registration.event.title}",
                template="events/email/event_cancelled.txt",
                deliver=False,
            )
        )
    ]
    outbox_deliver_after_commit(queued)
    return len(queued)


def _reminders_due(now: datetime.datetime):
    horizon = now + datetime.timedelta(hours=EventsSettings.load().event_reminder_hours)
    reminded = OutboxMessage.objects.filter(key=OuterRef("reminder_key"))
    return (
        Registration.objects.filter(
            status=RegistrationStatus.BOOKED,
            event__status=EventStatus.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=horizon,
        )
        .annotate(
            reminder_key=Concat(
                Value("events.registration."),
                Cast("pk", CharField()),
                Value(f".{REMINDER}"),
                output_field=CharField(),
            )
        )
        .exclude(Exists(reminded))
        .select_related("event__area", "champion__user")
    )


@transaction.atomic
def event_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind every booked champion of an event starting within the reminder hours, once."""
    # One .ics per event and the rows written in a few queries, then handed to the workers in
    # batches (one SMTP session each): thousands of reminders can fall due together.
    calendars, emails = {}, []
    my_events_url = absolute_url(reverse("events:mine"))
    for registration in _reminders_due(now or timezone.now()):
        event = registration.event
        if event.pk not in calendars:
            calendars[event.pk] = (
                event_url(event),
                events_to_ical([event], name=event.title, url_for=event_url),
            )
        url, ics = calendars[event.pk]
        emails.append(
            {
                "champion": registration.champion,
                "key": registration.reminder_key,
                "subject": f"Reminder: {event.title}",
                "template": "events/email/reminder.txt",
                "context": {
                    "event": event,
                    "registration": registration,
                    "event_url": url,
                    "my_events_url": my_events_url,
                },
                "attachments": [(event_filename(event), ics, "text/calendar")],
            }
        )
    queued = champion_emails_queue(emails)
    outbox_deliver_after_commit(queued)
    return len(queued)
