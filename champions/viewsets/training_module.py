"""The training catalogue in the admin."""

from ..models import TrainingModule
from .base import ProgrammeViewSet


class TrainingModuleViewSet(ProgrammeViewSet):
    """The training catalogue: modules, hours, validity and which are required to activate."""

    model = TrainingModule
    icon = "clipboard-list"
    menu_label = "Training modules"
    inspect_view_enabled = True
    form_fields = [
        "title",
        "description",
        "category",
        "hours",
        "required_for_activation",
        "validity_months",
        "display_order",
    ]
    list_display = [
        "title",
        "category",
        "hours",
        "required_for_activation",
        "validity_months",
        "display_order",
    ]
    list_filter = ["category", "required_for_activation"]
    search_fields = ["title", "description"]
    ordering = ["display_order", "title"]
    list_export = [
        "title",
        "get_category_display",
        "hours",
        "required_for_activation",
        "validity_months",
    ]
    export_headings = {"get_category_display": "Category"}
    export_filename = "training-modules"
