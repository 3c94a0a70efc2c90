"""Reads for meeting records: actions still open across meetings; events whose points a
champion records."""

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.utils import timezone

from ..choices import RECORDED_KINDS
from ..models import Event, MeetingAction


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


def events_to_record_voice_for(champion, limit: int = 3):
    """Past mapping sessions, focus groups and meetings the champion ran: where they record
    what parents said."""
    return Event.objects.filter(
        organiser_id=champion.user_id, kind__in=RECORDED_KINDS, starts_at__lte=timezone.now()
    ).order_by("-starts_at")[:limit]
