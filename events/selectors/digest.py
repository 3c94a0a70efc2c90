"""The events' section of the coordinators' weekly digest (sent by services/digest.py)."""

import datetime

from django.utils import timezone

from . import home
from .events import events_with_places_between
from .meetings import meeting_actions_open

# Rows listed per item in the digest; the count says how many in all.
DIGEST_ROWS = 20


def staff_digest_events(*, today: datetime.date) -> dict:
    """Next week's events with places left, meeting actions past their due date, and the
    home page's counts: events this week, registers to take, meetings short of quorum."""
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    registers = home.events_registers_to_take(now=timezone.now(), limit=DIGEST_ROWS)
    short, meetings, quorum = home.meetings_below_quorum(today=today, limit=DIGEST_ROWS)
    return {
        "events": events_with_places_between(start, start + datetime.timedelta(days=7)),
        "overdue": list(meeting_actions_open(today=today).filter(due_on__lt=today)),
        "events_this_week": home.events_this_week(today=today, limit=0)[0],
        "registers_to_take": registers[0],
        "registers": registers[1],
        "meetings_short": meetings,
        "meetings_short_count": short,
        "quorum": quorum,
    }
