"""Reads for meeting records: actions still open across meetings."""

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.utils import timezone

from ..models import MeetingAction


def meeting_actions_open(*, today=None) -> QuerySet:
    """Open meeting actions across meetings, overdue first, then by due date."""
    today = today or timezone.localdate()
    return (
        MeetingAction.objects.open()
        .select_related("record__event")
        .annotate(
            overdue_rank=Case(
                When(due_on__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("overdue_rank", F("due_on").asc(nulls_last=True), "pk")
    )
