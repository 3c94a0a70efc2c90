"""Commendations in the admin: coordinators write a thank-you; the champion is told once."""

from wagtail.admin.views import generic

from ..models import Commendation
from ..services.recognition import commendation_write
from .base import ChampionChildCreateView, ProgrammeViewSet


class CommendationCreateView(ChampionChildCreateView):
    def save_instance(self):
        instance = commendation_write(
            commendation=self.form.save(commit=False), by=self.request.user
        )
        return instance


class CommendationEditView(generic.EditView):
    def save_instance(self):
        return commendation_write(commendation=self.form.save(commit=False), by=self.request.user)


class CommendationViewSet(ProgrammeViewSet):
    """Coordinators' thank-yous for a champion's specific contribution."""

    model = Commendation
    icon = "pick"
    menu_label = "Thank-yous"
    add_view_class = CommendationCreateView
    edit_view_class = CommendationEditView
    form_fields = ["champion", "contribution", "text", "written_on"]
    list_display = ["champion", "contribution", "written_on", "written_by", "public"]
    list_filter = ["written_on", "public"]
    search_fields = ["champion__preferred_name", "contribution"]
    list_select_related = ["champion", "written_by"]
