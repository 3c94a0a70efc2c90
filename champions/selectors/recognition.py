"""Reads for recognition: a champion's milestones and thank-yous; who reached one this month."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from ..choices import ActivityKind, ActivityStatus
from ..models import ActivityLog, Champion, Commendation, Milestone, TrainingRecord


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


@dataclass
class RecordOfService:
    """What the record-of-service PDF states, all from the database."""

    champion: Champion
    started_on: datetime.date
    ended_on: datetime.date | None
    hours_by_year: list[tuple[int, Decimal]]
    training: list[tuple[str, datetime.date]]
    roles: list[tuple[str, int]]
    commendations: list[Commendation]


def champion_record_of_service(champion: Champion) -> RecordOfService:
    """Dates of service, approved hours by year, training completed, roles taken (approved
    activities by kind) and thank-yous, for the champion's record of service."""
    approved = ActivityLog.objects.filter(champion=champion, status=ActivityStatus.APPROVED)
    hours = approved.values_list("date__year").annotate(total=Sum("hours")).order_by("date__year")
    roles = approved.values_list("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    training = (
        TrainingRecord.objects.filter(champion=champion, completed_on__isnull=False)
        .select_related("module")
        .order_by("completed_on", "pk")
    )
    return RecordOfService(
        champion=champion,
        started_on=champion.joined_on,
        ended_on=champion.left_on,
        hours_by_year=list(hours),
        training=[(r.module.title, r.completed_on) for r in training],
        roles=[(ActivityKind(kind).label, n) for kind, n in roles],
        commendations=list(champion.commendations.order_by("written_on", "pk")),
    )
