"""Events, bookings on them and walk-ins at the ones that have happened."""

import datetime
import math
import random

from events.choices import AttendeeRole, Audience, EventKind, EventStatus, RegistrationStatus
from events.models import Event, EventsSettings, Registration, WalkIn

from .draw import Bands, spread
from .loader import Loader
from .names import REGISTER_TITLE, REMINDER_TITLE, area_names
from .plan import Plan, Programme

EVENT_FIELDS = [
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "venue_name",
    "venue_address",
    "area",
    "capacity",
    "audience",
    "description",
    "organiser",
    "status",
    "cancellation_reason",
    "training_module",
    "created_at",
    "children_welcome",
    "families_reached",
    "children_reached",
    "attendance_taken_at",
    "attendance_taken_by",
]
KINDS = list(EventKind)
BOOKING_STATUS = Bands(
    [(0.05, RegistrationStatus.CANCELLED), (0.08, RegistrationStatus.WAITING)],
    RegistrationStatus.BOOKED,
)
ORGANISATIONS = ["", "Health visiting", "Children's centre", "University", "Council"]


def reminder_hours() -> int:
    """How long before an event its reminders go: the window the programme is built around."""
    return EventsSettings.load().event_reminder_hours


def events(p: Programme, loader: Loader) -> None:
    """Past events over three years and upcoming ones over three months, plus two kinds the
    runner measures: events starting within the reminder window, and one big register."""
    rng = random.Random(3)
    p.registration_sizes, p.n_reminder_events = registration_sizes(p.plan)
    # Upcoming events start after the reminder window, so only the reminder events are due.
    soon = p.now + datetime.timedelta(hours=reminder_hours() + 24)
    names = area_names(len(p.area_ids))

    def rows():
        for e in range(p.plan.events):
            kind, title, starts, status, audience = _schedule(p, e, rng, soon, names)
            starts = starts.replace(minute=(starts.minute // 15) * 15, second=0, microsecond=0)
            p.event_start.append(starts)
            p.event_kind.append(kind)
            p.event_completed.append(status == EventStatus.COMPLETED)
            yield _event_row(p, e, rng, kind, title, starts, status, audience)

    p.event_ids = list(loader.add(Event, EVENT_FIELDS, rows()))
    p.co_production_event_ids = [
        event_id
        for event_id, kind, starts in zip(p.event_ids, p.event_kind, p.event_start, strict=True)
        if kind == EventKind.CO_PRODUCTION and starts < p.now
    ]


def _schedule(p: Programme, e: int, rng: random.Random, soon: datetime.datetime, names):
    """(kind, title, start, status, audience) of the e-th event: the big register first, then
    the events due for a reminder, then a mix of past and upcoming ones."""
    if e <= p.n_reminder_events:
        if e == 0:
            title, starts = REGISTER_TITLE, p.now - datetime.timedelta(hours=2)
        else:
            title, starts = f"{REMINDER_TITLE} {e}", p.now + datetime.timedelta(hours=2 + e % 20)
        return EventKind.ENGAGEMENT, title, starts, EventStatus.SCHEDULED, Audience.CHAMPIONS
    kind = KINDS[rng.randrange(len(KINDS))]
    title = f"{kind.label} in {names[e % len(p.area_ids)]}"
    if rng.random() < 0.9:
        starts = p.now - datetime.timedelta(days=1 + rng.random() * 3 * 365)
        status = EventStatus.CANCELLED if rng.random() < 0.03 else EventStatus.COMPLETED
    else:
        starts = soon + datetime.timedelta(days=rng.random() * 90)
        status = EventStatus.SCHEDULED
    audience = Audience.PUBLIC if rng.random() < 0.25 else Audience.CHAMPIONS
    return kind, title, starts, status, audience


def _event_row(p: Programme, e: int, rng: random.Random, kind, title, starts, status, audience):
    completed = status == EventStatus.COMPLETED
    ends = starts + datetime.timedelta(hours=2)
    organiser = p.staff_ids[e % len(p.staff_ids)]
    return (
        title,
        kind,
        starts,
        ends,
        "Family hub" if e % 3 else "Community centre",
        f"{1 + e % 200} High Street",
        p.area_ids[e % len(p.area_ids)],
        None,
        audience,
        "Come and tell services what matters to your family.",
        organiser,
        status,
        "Venue unavailable" if status == EventStatus.CANCELLED else "",
        p.module_ids[0] if kind == EventKind.TRAINING else None,
        starts - datetime.timedelta(days=30),
        e % 2 == 0,
        # Head counts and who took the register, for events that have happened.
        rng.randrange(5, 40) if completed else None,
        rng.randrange(5, 60) if completed else None,
        ends if completed else None,
        organiser if completed else None,
    )


def registration_sizes(plan: Plan) -> tuple[list[int], int]:
    """Bookings per event (the register, the reminder events, then the rest spread evenly),
    and how many reminder events there are."""
    cap = plan.register_size
    reminder = spread(plan.reminder_bookings, math.ceil(plan.reminder_bookings / cap), cap)
    reminder = reminder[: max(0, plan.events - 1)]
    rest_events = plan.events - 1 - len(reminder)
    rest = max(0, plan.registrations - cap - sum(reminder))
    sizes = [cap, *reminder, *spread(rest, rest_events, plan.champions)]
    return sizes[: plan.events], len(reminder)


def registrations(p: Programme, loader: Loader) -> None:
    """Bookings on consecutive champions from a random one; everyone on the register and the
    reminder events is booked, elsewhere a few cancel or wait."""
    rng = random.Random(4)
    n_special = 1 + p.n_reminder_events
    n_champions = len(p.champion_ids)

    def rows():
        for e, size in enumerate(p.registration_sizes):
            start = rng.randrange(n_champions)
            created = p.event_start[e] - datetime.timedelta(days=7)
            for k in range(size):
                booked = RegistrationStatus.BOOKED
                status = booked if e < n_special else BOOKING_STATUS(rng.random())
                took_place = p.event_completed[e] and status == booked
                attended = rng.random() < 0.85 if took_place else None
                champion = p.champion_ids[(start + k) % n_champions]
                yield (p.event_ids[e], champion, status, created, attended)

    fields = ["event", "champion", "status", "created_at", "attended"]
    loader.add(Registration, fields, rows())


def walk_ins(p: Programme, loader: Loader) -> None:
    """Up to three walk-ins (parents and professionals) at each event that has happened."""
    roles = list(AttendeeRole)

    def rows():
        for e in p.completed_events():
            for k in range(e % 4):
                role = roles[(e + k) % len(roles)]
                parent = role == AttendeeRole.PARENT
                organisation = "" if parent else ORGANISATIONS[1 + (e + k) % 4]
                yield (p.event_ids[e], "", organisation, role, p.event_start[e])

    fields = ["event", "name", "organisation", "role", "created_at"]
    loader.add(WalkIn, fields, rows())
