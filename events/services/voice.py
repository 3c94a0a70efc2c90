"""Writes for parent voice heard at mapping sessions and focus groups by the champion who ran
them."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import MeetingRecord, ParentVoiceItem


@transaction.atomic
def voice_point_record(
    *, event, text: str, theme: str, parents_count: int | None, quote: str, factors
) -> ParentVoiceItem:
    """Adds a point heard at the event to its record (made on first use), after the others."""
    if not event.keeps_meeting_record:
        raise ValidationError("Only mapping sessions, focus groups and meetings keep points.")
    record, _ = MeetingRecord.objects.get_or_create(event=event)
    item = ParentVoiceItem.objects.create(
        record=record,
        text=text,
        theme=theme,
        parents_count=parents_count,
        quote=quote,
        sort_order=record.parent_voice_items.count(),
    )
    item.protective_factors.set(factors)
    item.save()  # a ParentalManyToManyField is written when its item is saved
    return item
