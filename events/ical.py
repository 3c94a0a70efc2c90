"""iCalendar (.ics) output for events: times carry the Europe/London TZID, stamps are UTC."""

import datetime
import zoneinfo
from collections.abc import Callable, Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

from .choices import EventStatus
from .models import Event

PRODID = "-//Parent Champions//Events//EN"


def _vevent(event: Event, url: str = "") -> icalendar.Event:
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    vevent = icalendar.Event()
    vevent.add("uid", event.ical_uid)
    vevent.add("dtstamp", datetime.datetime.now(datetime.UTC))
    vevent.add("dtstart", event.starts_at.astimezone(tz))
    vevent.add("dtend", event.ends_at.astimezone(tz))
    vevent.add("summary", event.title)
    location = ", ".join(
        part for part in [event.venue_name, " ".join(event.venue_address.split())] if part
    )
    if location or event.online_link:
        vevent.add("location", location or event.online_link)
    description = "\n\n".join(
        part for part in [event.description, event.online_link, event.accessibility_notes] if part
    )
    if description:
        vevent.add("description", description)
    if url:
        vevent.add("url", url)
    if event.status == EventStatus.CANCELLED:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", "CONFIRMED")
    vevent.add("last-modified", (event.cancelled_at or event.created_at).astimezone(datetime.UTC))
    return vevent


def events_to_ical(
    events: Iterable[Event], *, name: str, url_for: Callable[[Event], str] | None = None
) -> bytes:
    """A VCALENDAR with one VEVENT per event and the VTIMEZONE definitions they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_vevent(event, url_for(event) if url_for else ""))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_filename(event: Event) -> str:
    return f"event-{event.pk}-{timezone.localtime(event.starts_at):%Y-%m-%d}.ics"
