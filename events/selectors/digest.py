"""The events' section of the coordinators' weekly digest (sent by services/digest.py)."""

import datetime

from django.utils import timezone

from .events import events_with_places_between
from .meetings import meeting_actions_open


def staff_digest_events(*, today: datetime.date) -> dict:
    """Next week's events with places left, and meeting actions past their due date."""
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    return {
        "events": events_with_places_between(start, start + datetime.timedelta(days=7)),
        "overdue": list(meeting_actions_open(today=today).filter(due_on__lt=today)),
    }
