"""Wards in the admin."""

from ..models import Area
from .base import ProgrammeViewSet


class AreaViewSet(ProgrammeViewSet):
    """Wards: where champions live and events take place."""

    model = Area
    icon = "site"
    menu_label = "Wards"
    form_fields = ["name", "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    list_export = ["name", "slug"]
    export_filename = "wards"
