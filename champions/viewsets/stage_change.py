"""Stage history in the admin: every move along the journey; read only."""

from ..models import StageChange
from .base import ProgrammeViewSet


class StageChangeViewSet(ProgrammeViewSet):
    """Every move along the journey, with who, when and why; read only (use "Change stage")."""

    model = StageChange
    icon = "history"
    menu_label = "Stage history"
    inspect_view_enabled = True
    form_fields = ["champion", "to_stage", "reason"]
    list_display = ["champion", "from_stage", "to_stage", "changed_at", "changed_by", "overridden"]
    list_filter = ["to_stage", "overridden", "champion"]
    search_fields = ["champion__preferred_name", "reason"]
    ordering = ["-changed_at", "-pk"]
    list_export = [
        "champion",
        "get_from_stage_display",
        "get_to_stage_display",
        "changed_at",
        "changed_by",
        "reason",
        "overridden",
    ]
    export_headings = {"get_from_stage_display": "From", "get_to_stage_display": "To"}
    export_filename = "stage-history"

    list_select_related = ["champion__user", "champion__area", "changed_by"]
