"""Registers the champions app's admin viewsets; the viewsets live in their own modules."""


# Activity logs and expense claims (activity issue)
# ------------------------------------------------------------------------------
def _register_activity_hooks():
    """One self-contained block, so it merges cleanly with the other hooks in this file."""
    from wagtail import hooks

    from .activity_viewsets import BULK_ACTIONS, ActivityViewSetGroup, register_log_actions

    hooks.register("register_admin_viewset", ActivityViewSetGroup)
    hooks.register("register_log_actions", register_log_actions)
    for action in BULK_ACTIONS:
        hooks.register("register_bulk_action", action)


_register_activity_hooks()
