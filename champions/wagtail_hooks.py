"""Registers the champions app's admin viewsets; the viewsets live in their own modules."""

from wagtail import hooks

from .activity_viewsets import BULK_ACTIONS, ActivityViewSetGroup
from .activity_viewsets import register_log_actions as register_activity_log_actions
from .viewsets import ChampionsViewSetGroup


@hooks.register("register_admin_viewset")
def register_champions_viewsets():
    return ChampionsViewSetGroup()


@hooks.register("register_log_actions")
def register_champion_log_actions(actions):
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


# Activity logs and expense claims
hooks.register("register_admin_viewset", ActivityViewSetGroup)
hooks.register("register_log_actions", register_activity_log_actions)
for _action in BULK_ACTIONS:
    hooks.register("register_bulk_action", _action)
