"""Writes for a new enquiry's welcome: a coordinator in turn and a first step with a date."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import Champion, ChampionsSettings, CoordinatorProfile


def _next_coordinator(area) -> CoordinatorProfile | None:
    """The area's coordinator who least recently took an enquiry, else a default coordinator."""
    active = CoordinatorProfile.objects.select_for_update().filter(
        user__is_active=True, user__is_staff=True
    )
    # Never assigned first, on every database (PostgreSQL sorts NULLs last by default).
    order = (F("last_assigned_at").asc(nulls_first=True), "pk")
    candidates = active.filter(areas=area) if area is not None else active.none()
    if not candidates.exists():
        candidates = active.filter(takes_unassigned=True)
    return candidates.order_by(*order).first()


def _first_contact_step(coordinator_name: str) -> str:
    who = coordinator_name or "Your coordinator"
    return f"{who} will get in touch to say hello and answer your questions"


@transaction.atomic
def champion_assign_coordinator(*, champion: Champion, now=None) -> Champion:
    """Give a new enquiry a coordinator, round the area's coordinators in turn (or a default),
    and the promised first contact as their next step, dated by the Settings' days."""
    now = now or timezone.now()
    profile = _next_coordinator(champion.area)
    days = ChampionsSettings.load().enquiry_contact_days
    if profile is not None:
        champion.coordinator = profile.user
        profile.last_assigned_at = now
        profile.save(update_fields=["last_assigned_at"])
    name = champion.coordinator.first_name if champion.coordinator else ""
    champion.next_step = _first_contact_step(name)
    champion.next_step_due_on = timezone.localdate(now) + datetime.timedelta(days=days)
    champion.save(update_fields=["coordinator", "next_step", "next_step_due_on"])
    return champion
