"""The events app's panels on the coordinator's admin home page (registered in
wagtail_hooks.py): this week's events, registers to take, meetings short of quorum and
overdue meeting actions."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from accounts.columns import format_when
from accounts.home_panels import PANEL_ROWS, PanelRow, PanelSection, panel_add

from ...selectors import home


def _url(name: str, *args, **query) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def _edit_or_list(user, model: str, pk: int) -> str:
    """Staff who may change it go to its form; viewers to the listing, read-only."""
    if user.has_perm(f"events.change_{model}"):
        return _url(f"events_{model}:edit", pk)
    return _url(f"events_{model}:index")


def _places(event) -> str:
    capacity = "no limit" if event.capacity is None else f"of {event.capacity}"
    waiting = f", {event.waiting_count} waiting" if event.waiting_count else ""
    return f"{format_when(event.starts_at)}: {event.booked_count} booked {capacity}{waiting}"


def events_panel(request, panels) -> None:
    if not request.user.has_perm("events.view_event"):
        return
    today, now = timezone.localdate(), timezone.now()
    week = home.events_this_week(today=today, limit=PANEL_ROWS)
    registers = home.events_registers_to_take(now=now, limit=PANEL_ROWS)
    short, meetings, required = home.meetings_below_quorum(today=today, limit=PANEL_ROWS)
    user = request.user
    sections = [
        PanelSection(
            "Events this week",
            week[0],
            [PanelRow(e.title, _edit_or_list(user, "event", e.pk), _places(e)) for e in week[1]],
            _url("events_event:index", when="upcoming"),
            empty="No events this week.",
        ),
        PanelSection(
            "Registers still to take",
            registers[0],
            [
                PanelRow(e.title, _url("events_event:register", e.pk), format_when(e.starts_at))
                for e in registers[1]
            ],
            _url("events_event:index", when="past"),
        ),
        PanelSection(
            f"Meetings below the parent quorum ({required}) by bookings",
            short,
            [
                PanelRow(e.title, _edit_or_list(user, "event", e.pk), f"{e.booked_count} booked")
                for e in meetings
            ],
            _url("events_event:index", when="upcoming", kind="co_production"),
            empty="Every meeting this week has enough parents booked.",
        ),
    ]
    panel_add(panels, name="events-week", heading="This week's events", order=40, sections=sections)


def actions_panel(request, panels) -> None:
    if not request.user.has_perm("events.view_meetingaction"):
        return
    count, actions = home.meeting_actions_overdue(today=timezone.localdate(), limit=PANEL_ROWS)
    rows = [
        PanelRow(
            f"{action.what} ({action.owner})",
            _edit_or_list(request.user, "meetingaction", action.pk),
            f"due {format_when(action.due_on)}",
        )
        for action in actions
    ]
    section = PanelSection(
        "Overdue meeting actions", count, rows, _url("events_meetingaction:index")
    )
    panel_add(
        panels, name="overdue-actions", heading="Meeting actions", order=50, sections=[section]
    )


def events_home_panels(request, panels) -> None:
    for add in (events_panel, actions_panel):
        add(request, panels)
