"""The events app's audit-log actions (registered in wagtail_hooks.py)."""

from accounts.audit import AuditAction

CANCEL = "events.event.cancel"
RECORD_ATTENDANCE = "events.event.record_attendance"

ACTIONS = [
    AuditAction(CANCEL, "Cancel event", "Cancelled the event", "events.cancel"),
    AuditAction(
        RECORD_ATTENDANCE, "Save attendance", "Saved the attendance register", "events.attendance"
    ),
]
