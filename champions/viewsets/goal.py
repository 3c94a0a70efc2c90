"""Goals in the admin: a coordinator sees and works on their own champions' goals only."""

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic

from accounts.admin_denied import AdminRefusesWith403Mixin

from ..models import Champion, Goal
from ..services.goals import goal_note_add
from .base import ProgrammeViewSet, SafeExportIndexView


class GoalAdminForm(WagtailAdminModelForm):
    """A goal for one of the coordinator's champions, with an optional new progress note."""

    new_note = forms.CharField(
        label="Add a progress note", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "champion" in self.fields:
            self.fields["champion"].queryset = Champion.objects.filter(coordinator=self.for_user)


class _OwnChampionsOnly:
    """A goal opens only for the champion's own coordinator (403 for anyone else)."""

    def get_object(self, queryset=None):
        goal = super().get_object(queryset)
        if goal.champion.coordinator_id != self.request.user.pk:
            raise PermissionDenied
        return goal


class _NoteSavingMixin:
    def save_instance(self):
        if not self.form.instance.pk:
            self.form.instance.created_by = self.request.user
        instance = super().save_instance()
        if self.form.cleaned_data.get("new_note", "").strip():
            goal_note_add(
                goal=instance, by=self.request.user, text=self.form.cleaned_data["new_note"]
            )
        return instance


class GoalIndexView(AdminRefusesWith403Mixin, SafeExportIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(champion__coordinator=self.request.user)


class GoalCreateView(AdminRefusesWith403Mixin, _NoteSavingMixin, generic.CreateView):
    pass


class GoalEditView(AdminRefusesWith403Mixin, _OwnChampionsOnly, _NoteSavingMixin, generic.EditView):
    pass


class GoalDeleteView(AdminRefusesWith403Mixin, _OwnChampionsOnly, generic.DeleteView):
    pass


class GoalViewSet(ProgrammeViewSet):
    """Goals agreed with champions: each coordinator sees their own champions' goals only."""

    model = Goal
    icon = "pick"
    menu_label = "Goals"
    index_view_class = GoalIndexView
    add_view_class = GoalCreateView
    edit_view_class = GoalEditView
    delete_view_class = GoalDeleteView
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("champion"),
            FieldPanel("title"),
            FieldPanel("target_on"),
            FieldPanel("factor"),
            FieldPanel("skill"),
            FieldPanel("achieved_on"),
            FieldPanel("new_note"),
        ],
        base_form_class=GoalAdminForm,
    )
    list_display = ["title", "champion", "target_on", "achieved_on"]
    list_filter = ["achieved_on"]
    search_fields = ["title", "champion__preferred_name"]
    list_select_related = ["champion"]
