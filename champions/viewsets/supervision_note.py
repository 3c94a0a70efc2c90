"""Supervision notes in the admin: coordinators' dated notes; coordinators only."""

from ..models import SupervisionNote
from .base import ChampionRecordViewSet


class SupervisionNoteViewSet(ChampionRecordViewSet):
    """Coordinators' dated supervision notes (check-ins, wellbeing, goals); coordinators only."""

    model = SupervisionNote
    icon = "comment"
    menu_label = "Supervision notes"
    user_field = "author"
    stamp_on_edit = False  # the author stays who wrote it
    form_fields = ["champion", "held_on", "kind", "note", "next_on"]
    list_display = ["champion", "held_on", "kind", "author", "next_on", "champion_reflection"]
    list_filter = ["kind", "champion", "author"]
    search_fields = ["champion__preferred_name", "note"]
    list_export = ["champion", "held_on", "get_kind_display", "author", "note"]
    export_headings = {"get_kind_display": "Kind"}
    export_filename = "supervision-notes"

    list_select_related = ["champion__user", "champion__area", "author", "reflection"]
