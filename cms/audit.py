"""The public site's audit-log actions (registered in wagtail_hooks.py)."""

from accounts.audit import AuditAction

UNPUBLISH_WITHOUT_CONSENT = "cms.story.unpublish_without_consent"

ACTIONS = [
    AuditAction(
        UNPUBLISH_WITHOUT_CONSENT,
        "Unpublish: consent withdrawn",
        "Unpublished because the champion's consent is no longer current",
        "cms.consent_unpublish",
    ),
]
