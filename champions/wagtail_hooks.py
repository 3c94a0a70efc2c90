"""Registers the champions app with Wagtail: admin menus, permission policies, bulk actions,
audit-log actions and its answers to other apps' hooks. Only registrations live here."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.audit import register_audit_actions

from . import audit
from .models import Champion, Consent, StageChange
from .selectors.digest import staff_digest_champions
from .viewsets import ChampionsActivityViewSetGroup, ChampionsViewSetGroup
from .viewsets.activity_log import ApproveActivityBulkAction
from .viewsets.base import LimitedPermissionPolicy
from .viewsets.expense_claim import ApproveExpenseBulkAction, MarkPaidBulkAction

# Champions sign themselves up (which also records their first stage); erasure is anonymisation.
register_permission_policy(Champion, LimitedPermissionPolicy(Champion, {"change", "view"}))
register_permission_policy(StageChange, LimitedPermissionPolicy(StageChange, {"view"}))
register_permission_policy(Consent, LimitedPermissionPolicy(Consent, {"view"}))


@hooks.register("register_admin_viewset")
def register_champions_viewsets():
    return [ChampionsViewSetGroup(), ChampionsActivityViewSetGroup()]


for _action in (ApproveActivityBulkAction, ApproveExpenseBulkAction, MarkPaidBulkAction):
    hooks.register("register_bulk_action", _action)


@hooks.register("register_log_actions")
def register_champions_log_actions(actions):
    register_audit_actions(actions, audit.ACTIONS)


@hooks.register("events_staff_digest")  # the events app sends the weekly digest
def champions_digest_section(*, today):
    return staff_digest_champions(today=today)
