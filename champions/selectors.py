"""Reads for champions: querysets with what their pages need, in a constant number of queries."""

from django.db.models import Prefetch, QuerySet

from .choices import ConsentKind
from .models import Champion, Consent, OnboardingCheck, TrainingModule, TrainingRecord


def required_modules() -> list[TrainingModule]:
    return list(TrainingModule.objects.filter(required_for_activation=True))


def champions_with_progress(queryset: QuerySet | None = None) -> QuerySet:
    """Champions with user, area, checks and training records loaded for readiness and progress."""
    queryset = Champion.objects.all() if queryset is None else queryset
    return queryset.select_related("user", "area").prefetch_related(
        Prefetch("checks", queryset=OnboardingCheck.objects.all()),
        Prefetch("training_records", queryset=TrainingRecord.objects.select_related("module")),
    )


def consents_current(champion, now=None) -> dict[str, Consent]:
    """The current consent per kind (latest row, not withdrawn, not expired)."""
    latest = {}
    for consent in champion.consents.all():  # ordered newest first within each kind
        latest.setdefault(consent.kind, consent)
    return {k: c for k, c in latest.items() if c.is_current(now)}


def champion_has_consent(champion, kind: ConsentKind, now=None) -> bool:
    latest = champion.consents.filter(kind=kind).order_by("-given_at", "-pk").first()
    return latest is not None and latest.is_current(now)
