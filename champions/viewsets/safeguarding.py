"""The safeguarding log in the admin: the "Safeguarding leads" group only, every view audited.

Anyone else gets a 403 and no menu item (the permission policy, registered in wagtail_hooks.py,
answers every action by group membership, whatever the user's other rights).
"""

from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.admin_denied import admin_permission_denied

from .. import audit
from ..models import SafeguardingConcern
from ..models.safeguarding import is_safeguarding_lead
from .base import ProgrammeViewSet, SafeExportIndexView


class SafeguardingLeadsPolicy(ModelPermissionPolicy):
    """Add, change and view for the group's members only; concerns are never deleted."""

    def user_has_permission(self, user, action):
        return action in {"add", "change", "view"} and is_safeguarding_lead(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        return users.filter(groups__name="Safeguarding leads", is_active=True)


class _LeadsOnly:
    """403 (not the admin's redirect) for anyone outside the group, and an audit entry for
    every page a lead opens."""

    def dispatch(self, request, *args, **kwargs):
        if not is_safeguarding_lead(request.user):
            return admin_permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ConcernIndexView(_LeadsOnly, SafeExportIndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for concern in context["object_list"]:
            log(instance=concern, action=audit.VIEW_CONCERN, user=self.request.user)
        return context


class ConcernCreateView(_LeadsOnly, generic.CreateView):
    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class ConcernEditView(_LeadsOnly, generic.EditView):
    def get_object(self, queryset=None):
        concern = super().get_object(queryset)
        if self.request.method == "GET":
            log(instance=concern, action=audit.VIEW_CONCERN, user=self.request.user)
        return concern


class SafeguardingConcernViewSet(ProgrammeViewSet):
    """Safeguarding concerns raised by or about a champion's work; leads only."""

    model = SafeguardingConcern
    icon = "warning"
    menu_label = "Safeguarding log"
    index_view_class = ConcernIndexView
    add_view_class = ConcernCreateView
    edit_view_class = ConcernEditView
    form_fields = ["champion", "raised_on", "raised_by", "concern", "action_taken", "status"]
    list_display = ["__str__", "champion", "status", "raised_by"]
    list_filter = ["status"]
    list_select_related = ["champion"]
