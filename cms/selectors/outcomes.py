"""Reads about outcomes for other screens: those a champion helped bring about."""

from django.db.models import Q

from ..models import OutcomePage


def outcomes_for_champion(champion, limit: int = 5):
    """Live outcomes from meetings the champion attended (discussed there, or a point raised
    there) and consultations they entered responses for, the latest raised first."""
    attended = "registrations__champion", "registrations__attended"
    meeting = "meeting_links__event__"
    point = "voice_items__item__record__event__"
    in_meeting = Q(**{meeting + attended[0]: champion, meeting + attended[1]: True})
    raised = Q(**{point + attended[0]: champion, point + attended[1]: True})
    surveyed = Q(consultation_results__question__consultation__responses__entered_by=champion)
    matching = OutcomePage.objects.filter(in_meeting | raised | surveyed).values("pk")
    return OutcomePage.objects.listed().filter(pk__in=matching)[:limit]
