"""Coordinators in the admin: how champions reach them and which areas they cover."""

from wagtail.admin.panels import FieldPanel

from ..models import CoordinatorProfile
from .base import ProgrammeViewSet


class CoordinatorProfileViewSet(ProgrammeViewSet):
    """Coordinators' contact details, photo (shown only with their consent), and the areas whose
    new enquiries they take in turn."""

    model = CoordinatorProfile
    icon = "user"
    menu_label = "Coordinators"
    panels = [
        FieldPanel("user"),
        FieldPanel("phone"),
        FieldPanel("photo"),
        FieldPanel("show_photo"),
        FieldPanel("areas"),
        FieldPanel("takes_unassigned"),
    ]
    list_display = ["__str__", "phone", "takes_unassigned", "last_assigned_at"]
    list_filter = ["areas", "takes_unassigned"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]
