"""Registers the champions app with Wagtail: admin menus, permission policies, bulk actions,
audit-log actions and its answers to other apps' hooks. Only registrations live here."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

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
    actions.register_action("champions.stage_change", "Change stage", "Stage changed")
    actions.register_action("champions.profile_edit", "Edit own profile", "Profile edited")
    actions.register_action("champions.consent_give", "Give consent", "Consent given")
    actions.register_action("champions.consent_withdraw", "Withdraw consent", "Consent withdrawn")
    actions.register_action(
        "champions.training_complete", "Record training", "Training completion recorded"
    )
    actions.register_action("champions.training_expire", "Expire training", "Training expired")
    actions.register_action(
        "champions.attention_flag", "Flag for attention", "Attention flag updated"
    )
    actions.register_action("champions.anonymise", "Anonymise", "Personal details removed")
    actions.register_action(
        "champions.record_change", "Change a record", "Check, training or note changed"
    )
    actions.register_action("champions.activity.approve", "Approve activity", "Activity approved")
    actions.register_action("champions.activity.query", "Query activity", "Question asked")
    actions.register_action("champions.activity.reject", "Reject activity", "Activity not approved")
    actions.register_action("champions.expense.approve", "Approve expense", "Expense approved")
    actions.register_action("champions.expense.reject", "Reject expense", "Expense not approved")
    actions.register_action("champions.expense.paid", "Mark expense paid", "Expense marked paid")


@hooks.register("events_staff_digest")  # the events app sends the weekly digest
def champions_digest_section(*, today):
    return staff_digest_champions(today=today)
