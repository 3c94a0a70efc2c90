"""Registering audit-log action names with Wagtail, for every app.

Names are `<app>.<entity>.<verb>`. Names used before this scheme stay registered with the same
label, so history recorded under them still reads well.
"""

from typing import NamedTuple


class AuditAction(NamedTuple):
    """An action written to Wagtail's audit log: its name, label, message and any old name."""

    name: str
    label: str
    message: str
    old_name: str = ""


def register_audit_actions(registry, actions: list[AuditAction]) -> None:
    """Register each action under its name, and under its old name if it had one."""
    for action in actions:
        registry.register_action(action.name, action.label, action.message)
        if action.old_name:
            registry.register_action(action.old_name, action.label, action.message)
