"""Registers the events app's admin viewsets and audit-log actions."""

from wagtail import hooks

from .viewsets import EventsGroup


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsGroup()


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    actions.register_action("events.cancel", "Cancel event", "Cancelled the event")
    actions.register_action("events.attendance", "Save attendance", "Saved the attendance register")
