from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from ..choices import ConsentKind
from .profile import Champion


class ConsentQuerySet(models.QuerySet):
    """The one rule for "is this consent current", used by every page, job and query."""

    def current(self, now=None):
        """Rows that are the latest of their champion and kind, not withdrawn and not expired."""
        now = now or timezone.now()
        latest = Subquery(
            Consent.objects.filter(champion=OuterRef("champion"), kind=OuterRef("kind"))
            .order_by("-given_at", "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=latest, withdrawn_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    def current_for(self, champion, now=None) -> dict[str, "Consent"]:
        """The champion's current consent per kind."""
        return {c.kind: c for c in self.filter(champion=champion).current(now)}

    def has_current(self, champion, kind: ConsentKind, now=None) -> bool:
        """Whether the champion has current consent of this kind."""
        return self.filter(champion=champion, kind=kind).current(now).exists()


class Consent(models.Model):
    """A consent a champion gave, with its wording version; the latest row per kind is current."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=20, choices=ConsentKind.choices)
    given_at = models.DateTimeField(default=timezone.now)
    wording_version = models.CharField(max_length=20)
    expires_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["champion", "kind", "-given_at", "-pk"]
        indexes = [models.Index(fields=["champion", "kind", "-given_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.champion})"
