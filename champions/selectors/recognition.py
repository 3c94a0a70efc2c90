"""Reads for recognition: a champion's milestones and thank-yous; who reached one this month."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from ..models import Champion, Commendation, Milestone


@dataclass
class Recognition:
    milestones: list[Milestone]
    commendations: list[Commendation]


def champion_recognition(champion: Champion) -> Recognition:
    """The champion's milestones and commendations, newest first (two queries)."""
    return Recognition(
        milestones=list(champion.milestones.all()),
        commendations=list(champion.commendations.select_related("written_by")),
    )


def milestones_this_month(today: datetime.date) -> QuerySet:
    """Milestones reached since the first of this month, with their champions."""
    return (
        Milestone.objects.filter(reached_on__gte=today.replace(day=1), reached_on__lte=today)
        .select_related("champion")
        .order_by("-reached_on", "-pk")
    )


def commendations_public_for(champion_id: int | None) -> list[Commendation]:
    """The thank-yous the champion chose to show on their public stories."""
    if champion_id is None:
        return []
    return list(Commendation.objects.filter(champion_id=champion_id, public=True))
