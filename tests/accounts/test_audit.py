"""Audit-log actions are named `<app>.<entity>.<verb>`; history under old names still reads."""

import pytest
from wagtail.log_actions import registry

from accounts.audit import AuditAction
from champions import audit as champions_audit
from cms import audit as cms_audit
from events import audit as events_audit

ALL_ACTIONS = [*champions_audit.ACTIONS, *events_audit.ACTIONS, *cms_audit.ACTIONS]


@pytest.mark.parametrize("action", ALL_ACTIONS, ids=lambda a: a.name)
def test_each_action_follows_the_scheme_and_keeps_its_old_name_readable(action: AuditAction):
    registry.scan_for_actions()
    app, entity, verb = action.name.split(".")
    assert app in {"champions", "events", "cms"} and entity and verb
    assert registry.get_action_label(action.name) == action.label
    if action.old_name:
        assert registry.get_action_label(action.old_name) == action.label
