"""Audit history that no longer names an erased champion.

Wagtail's log entries keep a label (the object's name when it was logged) and data; entries
about the champion, their account and every record of theirs are relabelled and redacted, so
the history still says what happened and when, but not to whom.
"""

from wagtail.models import ModelLogEntry

from accounts.redaction import Redactor

from ..selectors.history import Targets


def history_anonymise(*, targets: Targets, redactor: Redactor, champion_label: str) -> int:
    """Relabel and redact the log entries of these records; returns how many changed."""
    changed = 0
    for content_type, ids, label in targets:
        entries = ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids)
        anonymous = label if label == champion_label else f"{label} of {champion_label}"
        for entry in entries:
            entry.label = anonymous
            entry.data = redactor.data(entry.data)
            entry.save(update_fields=["label", "data"])
            changed += 1
    return changed
