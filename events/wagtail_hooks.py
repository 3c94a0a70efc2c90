"""Registers the events app with Wagtail: its admin menu, audit-log actions, its digest section
and its answers to the champions app's hooks. Only registrations live here."""

from wagtail import hooks

from accounts.audit import register_audit_actions
from champions import hooks as champions_hooks

from . import audit, receivers
from .selectors.digest import staff_digest_events
from .services.digest import STAFF_DIGEST
from .viewsets import EventsViewSetGroup


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsViewSetGroup()


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    register_audit_actions(actions, audit.ACTIONS)


hooks.register(STAFF_DIGEST, staff_digest_events)
hooks.register(champions_hooks.BOOKED_EVENTS, receivers.events_booked_by)
hooks.register(champions_hooks.DATA_EXPORT, receivers.champion_data_export)
