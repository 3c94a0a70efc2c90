"""Registers the events app with Wagtail: its admin menu, audit-log actions, its digest section
and its answers to the champions app's hooks. Only registrations live here."""

from wagtail import hooks

from accounts.audit import register_audit_actions
from champions import hooks as champions_hooks

from . import audit, receivers
from .reports.funders import REPORTS, funder_report_urls
from .selectors.digest import staff_digest_events
from .services.digest import STAFF_DIGEST
from .views.admin.digest import weekly_digest_menu_item, weekly_digest_urls
from .views.admin.home import events_home_panels
from .viewsets import EventsViewSetGroup


def admin_viewsets():
    return EventsViewSetGroup()


def log_actions(actions):
    register_audit_actions(actions, audit.ACTIONS)


for name, fn in [
    ("register_admin_viewset", admin_viewsets),
    ("register_log_actions", log_actions),
    ("construct_homepage_panels", events_home_panels),
    ("register_admin_urls", weekly_digest_urls),
    ("register_reports_menu_item", weekly_digest_menu_item),
    ("register_admin_urls", funder_report_urls),
    *(
        ("register_reports_menu_item", lambda report=report, i=i: report.menu_item(800 + i))
        for i, report in enumerate(REPORTS)
    ),
    (STAFF_DIGEST, staff_digest_events),
    (champions_hooks.BOOKED_EVENTS, receivers.events_booked_by),
    (champions_hooks.DATA_EXPORT, receivers.champion_data_export),
    (champions_hooks.STAFF_RECORD, receivers.champion_staff_record),
    (champions_hooks.PEOPLE_REACHED, receivers.people_reached_through_responses),
]:
    hooks.register(name, fn)
