"""Reads for the supervision rhythm: who is overdue, and a champion's own supervisions."""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery

from ..choices import Stage
from ..models import Champion, SupervisionNote

SUPERVISED_STAGES = [Stage.IN_TRAINING, Stage.ACTIVE]


def champions_with_next_supervision(queryset: QuerySet | None = None) -> QuerySet:
    """Champions annotated with `next_supervision_on`: the date set at their latest supervision."""
    queryset = Champion.objects.all() if queryset is None else queryset
    latest = SupervisionNote.objects.filter(champion=OuterRef("pk")).order_by("-held_on", "-pk")
    return queryset.annotate(next_supervision_on=Subquery(latest.values("next_on")[:1]))


def supervisions_overdue(today: datetime.date, *, coordinator=None) -> QuerySet:
    """Champions in training or active whose next supervision date has passed, most overdue
    first; only one coordinator's champions when `coordinator` is given."""
    queryset = Champion.objects.filter(stage__in=SUPERVISED_STAGES)
    if coordinator is not None:
        queryset = queryset.filter(coordinator=coordinator)
    return (
        champions_with_next_supervision(queryset)
        .filter(next_supervision_on__lt=today)
        .select_related("coordinator")
        .order_by("next_supervision_on", "pk")
    )


def supervisions_of(champion: Champion) -> list[SupervisionNote]:
    """The champion's supervisions with their own reflections; the view shows no staff note."""
    return list(
        SupervisionNote.objects.filter(champion=champion).select_related("reflection").defer("note")
    )
