"""Registers the champions app with Wagtail: admin menus, permission policies, bulk actions,
audit-log actions and its answers to other apps' hooks. Only registrations live here."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.audit import register_audit_actions
from accounts.hooks import OUTBOX_WITHHOLD

from . import audit
from .models import (
    Champion,
    Consent,
    GroupMessage,
    Milestone,
    SafeguardingConcern,
    StageChange,
)
from .selectors.digest import staff_digest_champions
from .services.notifications import outbox_withhold_reasons
from .views.admin.home import champions_home_panels
from .viewsets import ChampionsActivityViewSetGroup, ChampionsViewSetGroup
from .viewsets.activity_log import ApproveActivityBulkAction
from .viewsets.base import LimitedPermissionPolicy
from .viewsets.champion_chooser import champion_chooser_viewset
from .viewsets.expense_claim import ApproveExpenseBulkAction, MarkPaidBulkAction
from .viewsets.messages import SendMessageBulkAction
from .viewsets.safeguarding import SafeguardingLeadsPolicy

# Champions sign themselves up (which also records their first stage); erasure is anonymisation.
register_permission_policy(Champion, LimitedPermissionPolicy(Champion, {"change", "view", "erase"}))
register_permission_policy(StageChange, LimitedPermissionPolicy(StageChange, {"view"}))
register_permission_policy(Consent, LimitedPermissionPolicy(Consent, {"view"}))
# Milestones are recorded by the site when reached, never typed in.
register_permission_policy(Milestone, LimitedPermissionPolicy(Milestone, {"view"}))
# Group messages are composed and sent (never edited or deleted): coordinators send, viewers see.
register_permission_policy(GroupMessage, LimitedPermissionPolicy(GroupMessage, {"view", "send"}))
register_permission_policy(SafeguardingConcern, SafeguardingLeadsPolicy(SafeguardingConcern))


def admin_viewsets():
    return [ChampionsViewSetGroup(), ChampionsActivityViewSetGroup(), champion_chooser_viewset]


def log_actions(actions):
    register_audit_actions(actions, audit.ACTIONS)


for name, fn in [
    ("register_admin_viewset", admin_viewsets),
    ("register_log_actions", log_actions),
    ("register_bulk_action", ApproveActivityBulkAction),
    ("register_bulk_action", ApproveExpenseBulkAction),
    ("register_bulk_action", MarkPaidBulkAction),
    ("register_bulk_action", SendMessageBulkAction),
    ("construct_homepage_panels", champions_home_panels),
    ("events_staff_digest", staff_digest_champions),  # the events app sends the weekly digest
    (OUTBOX_WITHHOLD, outbox_withhold_reasons),  # consent checked again when a message is sent
]:
    hooks.register(name, fn)
