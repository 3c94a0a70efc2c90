from django.db import models
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, When
from django.utils import timezone

from champions.models import Champion

from ..choices import RegistrationStatus
from .events import Event


class RegistrationQuerySet(models.QuerySet):
    def with_waiting_position(self):
        """Annotate `waiting_position`: 1 for the first on the event's waiting list, else None."""
        ahead = (
            Registration.objects.filter(event=OuterRef("event"), status=RegistrationStatus.WAITING)
            .filter(
                Q(created_at__lt=OuterRef("created_at"))
                | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk"))
            )
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            waiting_position=Case(
                When(status=RegistrationStatus.WAITING, then=Subquery(ahead)),
                output_field=IntegerField(),
            )
        )


class Registration(models.Model):
    """A champion's booking on an event, or their place on its waiting list, and attendance."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(
        max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.BOOKED
    )
    # The waiting list is served in order of created_at; re-joining puts a champion at the back.
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True, help_text="Blank: not recorded yet.")

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "champion"], name="one_registration_each"),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.champion} on {self.event} ({self.get_status_display()})"

    @property
    def is_booked(self):
        return self.status == RegistrationStatus.BOOKED

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITING
