"""Figures for the co-production report: parent voice raised, outcomes by status, and how long
from raised to achieved. A fixed number of queries."""

import statistics

from django.db.models import Count, Exists, OuterRef

from events.models import ParentVoiceItem

from ..choices import OutcomeStatus
from ..models.outcomes import OutcomePage, OutcomeParentVoice


def coproduction_figures(*, start, end) -> dict:
    """Outcomes raised in the period by status (published or not), median days from raised to
    achieved, and parent-voice items heard at meetings in the period, answered or not."""
    outcomes = OutcomePage.objects.filter(raised_on__range=(start, end))
    # order_by(): pages are ordered by tree path, which would split the groups.
    by_status = dict(
        outcomes.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    achieved = outcomes.filter(status=OutcomeStatus.ACHIEVED, achieved_on__isnull=False)
    days = [
        (done - raised).days for raised, done in achieved.values_list("raised_on", "achieved_on")
    ]
    median = statistics.median(days) if days else None
    rows = [
        {
            "status": status.label,
            "outcomes": by_status.get(status.value, 0),
            "median_days": median
            if status == OutcomeStatus.ACHIEVED and median is not None
            else "-",
        }
        for status in OutcomeStatus
    ]
    answered = OutcomeParentVoice.objects.filter(item=OuterRef("pk"))
    voice = ParentVoiceItem.objects.filter(
        record__event__starts_at__date__range=(start, end)
    ).aggregate(raised=Count("pk"), answered=Count("pk", filter=Exists(answered)))
    return {"rows": rows, "voice_raised": voice["raised"], "voice_answered": voice["answered"]}
