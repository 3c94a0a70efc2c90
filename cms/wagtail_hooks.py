"""Registers the public site with Wagtail: audit-log actions and answers to the champions
app's hooks. Only registrations live here."""

from wagtail import hooks

from accounts.audit import register_audit_actions
from champions import hooks as champions_hooks
from events import hooks as events_hooks

from . import audit, receivers
from .views.admin.coproduction_report import (
    coproduction_report_menu_item,
    coproduction_report_urls,
)
from .views.admin.home import stories_panel
from .views.admin.impact_pack import impact_pack_menu_item, impact_pack_urls


def log_actions(actions):
    register_audit_actions(actions, audit.ACTIONS)


for name, fn in [
    ("register_log_actions", log_actions),
    ("construct_homepage_panels", stories_panel),
    ("register_admin_urls", coproduction_report_urls),
    ("register_reports_menu_item", coproduction_report_menu_item),
    ("register_admin_urls", impact_pack_urls),
    ("register_reports_menu_item", impact_pack_menu_item),
    (champions_hooks.DATA_EXPORT, receivers.champion_data_export),
    (champions_hooks.DATA_EXPORT_FILES, receivers.champion_data_files),
    (events_hooks.PUBLIC_EVENTS_PATH, receivers.public_events_path),
    (champions_hooks.STAFF_RECORD, receivers.champion_staff_record),
]:
    hooks.register(name, fn)
