"""Audit history that no longer names an erased champion.

Wagtail's log entries keep a label (the object's name when it was logged) and data; entries
about the champion, their account and every record of theirs are relabelled and redacted, so
the history still says what happened and when, but not to whom.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from accounts.redaction import Redactor

from ..models import Champion

# (content type, object ids as text, anonymous label) for each kind of record.
Targets = list[tuple[ContentType, list[str], str]]


def champion_history_targets(champion: Champion) -> Targets:
    """Everything whose log entries may name the champion; taken before records are deleted."""
    label = f"Former champion {champion.pk}"
    targets = [
        (ContentType.objects.get_for_model(Champion), [str(champion.pk)], label),
        (ContentType.objects.get_for_model(champion.user), [str(champion.user_id)], label),
    ]
    for relation in Champion._meta.related_objects:
        if relation.many_to_many:
            continue
        model = relation.related_model
        ids = model._base_manager.filter(**{relation.field.name: champion}).values_list(
            "pk", flat=True
        )
        if ids:
            kind = str(model._meta.verbose_name).capitalize()
            targets.append(
                (ContentType.objects.get_for_model(model), [str(pk) for pk in ids], kind)
            )
    return targets


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
