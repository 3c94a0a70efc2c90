from django.conf import settings
from django.db import models

from .profile import Area


class CoordinatorProfile(models.Model):
    """What champions see of a coordinator (how to reach them, a photo if they agree), and
    which areas' new enquiries they take in turn."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinator_profile",
        limit_choices_to={"is_staff": True},
    )
    phone = models.CharField("phone for champions", max_length=30, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    show_photo = models.BooleanField(
        "photo may be shown to champions",
        default=False,
        help_text="The coordinator's own consent; without it no photo is shown.",
    )
    areas = models.ManyToManyField(
        Area,
        verbose_name="wards",
        blank=True,
        related_name="coordinators",
        help_text="New enquiries here, in turn.",
    )
    takes_unassigned = models.BooleanField(
        "default coordinator",
        default=False,
        help_text="Takes new enquiries from wards that no coordinator covers, or “not sure”.",
    )
    last_assigned_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["user__first_name", "pk"]

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    @property
    def shown_photo(self):
        return self.photo if self.show_photo else None
