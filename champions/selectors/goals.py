"""Reads for goals: a champion's own, with their notes loaded."""

from django.db.models import Prefetch

from ..models import Champion, Goal, GoalNote


def goals_of(champion: Champion) -> list[Goal]:
    """The champion's goals, open ones first, each with its notes and their authors (3 queries)."""
    return list(
        Goal.objects.filter(champion=champion)
        .select_related("factor")
        .prefetch_related(Prefetch("notes", queryset=GoalNote.objects.select_related("author")))
    )
