"""What the audit history holds about a champion: entries about them, their account and every
record of theirs (read by the data download, relabelled by erasure)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

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


def champion_log_entries(champion: Champion):
    """Every audit-log entry about the champion or one of their records, oldest first."""
    entries = ModelLogEntry.objects.none()
    for content_type, ids, _ in champion_history_targets(champion):
        entries |= ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids)
    return entries.order_by("timestamp", "pk")
