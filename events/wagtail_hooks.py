"""Registers the events app's admin viewsets and audit-log actions."""

from wagtail import hooks

from champions import hooks as champions_hooks

from . import receivers
from .viewsets import EventsGroup


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsGroup()


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    actions.register_action("events.cancel", "Cancel event", "Cancelled the event")
    actions.register_action("events.attendance", "Save attendance", "Saved the attendance register")


hooks.register(champions_hooks.BOOKED_EVENTS, receivers.events_booked_by)
hooks.register(champions_hooks.DATA_EXPORT, receivers.champion_data_export)
