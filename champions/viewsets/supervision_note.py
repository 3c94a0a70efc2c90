"""Supervision notes in the admin: coordinators' dated notes; coordinators only."""

from ..models import SupervisionNote
from .base import (
    ChampionChildCreateView,
    ChampionChildDeleteView,
    ChampionChildEditView,
    ProgrammeViewSet,
)


class SupervisionNoteCreateView(ChampionChildCreateView):
    user_field = "author"


class SupervisionNoteEditView(ChampionChildEditView):
    user_field = None


class SupervisionNoteViewSet(ProgrammeViewSet):
    """Coordinators' dated supervision notes (check-ins, wellbeing, goals); coordinators only."""

    model = SupervisionNote
    icon = "comment"
    menu_label = "Supervision notes"
    add_view_class = SupervisionNoteCreateView
    edit_view_class = SupervisionNoteEditView
    delete_view_class = ChampionChildDeleteView
    inspect_view_enabled = True
    form_fields = ["champion", "held_on", "kind", "note"]
    list_display = ["champion", "held_on", "kind", "author"]
    list_filter = ["kind", "champion", "author"]
    search_fields = ["champion__preferred_name", "note"]
    list_export = ["champion", "held_on", "get_kind_display", "author", "note"]
    export_headings = {"get_kind_display": "Kind"}
    export_filename = "supervision-notes"

    list_select_related = ["champion", "author"]
