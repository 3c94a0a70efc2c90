"""The events app's panels on the coordinator's admin home page (registered in
wagtail_hooks.py): this week's events, registers to take, meetings short of quorum and
overdue meeting actions."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from accounts.columns import format_when
from accounts.home_panels import PANEL_ROWS, PanelRow, PanelSection, panel_add, panel_sections

from ...selectors import home


def _url(name: str, *args, **query) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def _edit_or_list(can_change: bool, model: str, pk: int) -> str:
    """Staff who may change it go to its form; viewers to the listing, read-only."""
    if can_change:
        return _url(f"events_{model}:edit", pk)
    return _url(f"events_{model}:index")


def _event_url(can_change: bool, event) -> str:
    return _edit_or_list(can_change, "event", event.pk)


def _places(event) -> str:
    capacity = "no limit" if event.capacity is None else f"of {event.capacity}"
    waiting = f", {event.waiting_count} waiting" if event.waiting_count else ""
    return f"{format_when(event.starts_at)}: {event.booked_count} booked {capacity}{waiting}"


def _event_sections(can_change: bool) -> list:
    today, now = timezone.localdate(), timezone.now()
    week = home.events_this_week(today=today, limit=PANEL_ROWS)
    registers = home.events_registers_to_take(now=now, limit=PANEL_ROWS)
    short, meetings, required = home.meetings_below_quorum(today=today, limit=PANEL_ROWS)
    return [
        PanelSection(
            "Events this week",
            week[0],
            [PanelRow(e.title, _event_url(can_change, e), _places(e)) for e in week[1]],
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
                PanelRow(e.title, _event_url(can_change, e), f"{e.booked_count} booked")
                for e in meetings
            ],
            _url("events_event:index", when="upcoming", kind="co_production"),
            empty="Every meeting this week has enough parents booked.",
        ),
    ]


def events_panel(request, panels) -> None:
    if not request.user.has_perm("events.view_event"):
        return
    can_change = request.user.has_perm("events.change_event")
    sections = panel_sections("events", (can_change,), lambda: _event_sections(can_change))
    panel_add(panels, name="events-week", heading="This week's events", order=40, sections=sections)


def _action_sections(can_change: bool) -> list:
    count, actions = home.meeting_actions_overdue(today=timezone.localdate(), limit=PANEL_ROWS)
    rows = [
        PanelRow(
            f"{action.what} ({action.owner})",
            _edit_or_list(can_change, "meetingaction", action.pk),
            f"due {format_when(action.due_on)}",
        )
        for action in actions
    ]
    see_all = _url("events_meetingaction:index")
    return [PanelSection("Overdue meeting actions", count, rows, see_all)]


def actions_panel(request, panels) -> None:
    if not request.user.has_perm("events.view_meetingaction"):
        return
    can_change = request.user.has_perm("events.change_meetingaction")
    sections = panel_sections("actions", (can_change,), lambda: _action_sections(can_change))
    panel_add(
        panels, name="overdue-actions", heading="Meeting actions", order=50, sections=sections
    )


def events_home_panels(request, panels) -> None:
    for add in (events_panel, actions_panel):
        add(request, panels)
