"""What the champions app's admin viewsets share.

Staff rights come from model permissions (Wagtail's permission policies): coordinators
manage, viewers only look. Every save made through a champion's record is also logged against
the champion, so the champion's history shows every change to their record.
"""

from django.utils.functional import cached_property
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from .. import audit
from ..exports import SafeSpreadsheetExportMixin
from ..models import Champion


class LimitedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, but only for the listed actions: others are refused to everyone.

    Stage history and consents are changed through services (change stage, the champion's own
    consent page), never edited as rows, so that the record stays trustworthy.
    """

    def __init__(self, model, allowed_actions):
        super().__init__(model)
        self.allowed_actions = set(allowed_actions)

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action in self.allowed_actions]
        )


class PermissionsOncePerPageMixin:
    """Asks the permission policy once per page, not once for each row's menu: what a user may
    do to a model (change, delete) is the same for every row of it."""

    @cached_property
    def _permissions(self) -> dict:
        return {}

    def user_has_permission(self, permission):
        if permission not in self._permissions:
            self._permissions[permission] = super().user_has_permission(permission)
        return self._permissions[permission]

    def user_has_any_permission(self, permissions):
        key = frozenset(permissions)
        if key not in self._permissions:
            self._permissions[key] = super().user_has_any_permission(permissions)
        return self._permissions[key]


class SafeExportIndexView(
    PermissionsOncePerPageMixin, SafeSpreadsheetExportMixin, generic.IndexView
):
    """An index view whose CSV and XLSX exports cannot smuggle in spreadsheet formulas.

    `list_select_related` keeps listings and exports to a fixed number of queries.
    """

    list_select_related = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset


class ChampionRecordAuditMixin:
    """For views that save a champion's check, training record or note.

    Stamps who recorded it and logs the change against the champion as well as the row.
    """

    user_field = None
    audit_verb = "saved"

    def save_instance(self):
        if self.user_field:
            setattr(self.form.instance, self.user_field, self.request.user)
        instance = super().save_instance()
        log(
            instance=instance.champion,
            action=audit.CHANGE_RECORD,
            user=self.request.user,
            data={
                "model": str(instance._meta.verbose_name),
                "id": instance.pk,
                "record": str(instance),
                "change": self.audit_verb,
            },
        )
        return instance


class ChampionChildCreateView(ChampionRecordAuditMixin, generic.CreateView):
    """Create view that starts with the champion given as ?champion=<id> (from their page)."""

    audit_verb = "added"

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        champion_id = self.request.GET.get("champion", "")
        if champion_id.isdigit() and Champion.objects.filter(pk=champion_id).exists():
            instance.champion_id = int(champion_id)
        return instance


class ChampionChildEditView(ChampionRecordAuditMixin, generic.EditView):
    """Edit view that logs the change against the champion."""

    audit_verb = "edited"


class ChampionChildDeleteView(generic.DeleteView):
    """Delete view that logs the deletion against the champion."""

    def delete_action(self):
        log(
            instance=self.object.champion,
            action=audit.CHANGE_RECORD,
            user=self.request.user,
            data={
                "model": str(self.object._meta.verbose_name),
                "id": self.object.pk,
                "record": str(self.object),
                "change": "deleted",
            },
        )
        super().delete_action()


class ProgrammeViewSet(ModelViewSet):
    """Base for this app's viewsets: safe exports and related rows loaded with the listing."""

    index_view_class = SafeExportIndexView
    list_select_related = ()
    search_backend_name = None

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_select_related=self.list_select_related, **kwargs)


class ChampionRecordViewSet(ProgrammeViewSet):
    """A record that belongs to a champion (check, training record, note).

    Adding one stamps `user_field` with the staff member (editing too, unless
    `stamp_on_edit` is off), and every change is logged against the champion.
    """

    add_view_class = ChampionChildCreateView
    edit_view_class = ChampionChildEditView
    delete_view_class = ChampionChildDeleteView
    inspect_view_enabled = True
    user_field = None
    stamp_on_edit = True

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(user_field=self.user_field, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        user_field = self.user_field if self.stamp_on_edit else None
        return super().get_edit_view_kwargs(user_field=user_field, **kwargs)
