"""Reads about outcomes for other screens: those a champion helped bring about."""

from ..models import OutcomeConsultationResult, OutcomeMeetingLink, OutcomePage, OutcomeParentVoice


def outcomes_for_champion(champion, limit: int = 5):
    """Live outcomes from meetings the champion attended (discussed there, or a point raised
    there) and consultations they entered responses for, the latest raised first.

    One query: the UNION of each path's outcome ids, each path an inner join that the
    database walks outwards from the champion's own registrations or responses by their
    indexes. ORing the paths across LEFT JOINs instead (as before) joined every outcome to all
    its meetings' registrations and its consultations' responses, and grew with the programme."""
    attended = {"registrations__champion": champion, "registrations__attended": True}
    in_meeting = OutcomeMeetingLink.objects.filter(**_under("event__", attended))
    raised = OutcomeParentVoice.objects.filter(**_under("item__record__event__", attended))
    surveyed = OutcomeConsultationResult.objects.filter(
        question__consultation__responses__entered_by=champion
    )
    ids = [links.order_by().values("page_id") for links in (in_meeting, raised, surveyed)]
    matching = ids[0].union(*ids[1:])
    return OutcomePage.objects.listed().filter(pk__in=matching)[:limit]


def _under(prefix: str, lookups: dict) -> dict:
    return {prefix + name: value for name, value in lookups.items()}
