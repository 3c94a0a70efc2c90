"""Group messages in the admin: the list of sent messages, each message's page, the compose
screen, and the champions listing's "Send a message" bulk action."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.bulk_action import BulkAction

from ..models import Champion, GroupMessage
from ..views.admin.messages import ComposeMessageView, GroupMessageInspectView, compose_url
from .base import ProgrammeViewSet, SafeExportIndexView
from .champion import ChampionFilterSet


class GroupMessageIndexView(SafeExportIndexView):
    add_item_label = "Send a message"

    def get_add_url(self):
        if self.permission_policy.user_has_permission(self.request.user, "send"):
            return reverse("champions_groupmessage:compose")
        return None

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "subject",
                label="Subject",
                get_url=lambda m: reverse("champions_groupmessage:inspect", args=[m.pk]),
            ),
            Column("channel", label="Channel", accessor="get_channel_display"),
            Column("created_by", label="Sent by"),
            DateColumn("sent_at", label="Sent"),
        ]


class GroupMessageViewSet(ProgrammeViewSet):
    """Messages coordinators sent to groups of champions; viewers see them, only coordinators
    send (`send_groupmessage`)."""

    model = GroupMessage
    icon = "mail"
    menu_label = "Messages"
    index_view_class = GroupMessageIndexView
    inspect_view_class = GroupMessageInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ("created_by",)
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    search_fields = ["subject", "body"]
    list_filter = ["channel", "sent_at"]
    form_fields = ["subject", "body"]  # never edited: add, edit and delete are refused

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("compose/", ComposeMessageView.as_view(), name="compose"),
        ]


class SendMessageBulkAction(BulkAction):
    """ "Send a message" on the champions listing: opens the compose screen with the ticked
    champions picked (the compose screen checks the ids and the sender's rights)."""

    display_name = "Send a message"
    action_type = "send_message"
    aria_label = "Send a message to the selected champions"
    models = [Champion]
    action_priority = 20

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        allowed = ("champions.send_groupmessage", "champions.view_champion")
        if not user.has_perms(allowed):
            raise PermissionDenied
        ids = request.GET.getlist("id")
        if "all" in ids:
            ids = list(self.get_all_objects_in_listing_query(None))
        return redirect(compose_url(ids))

    def get_all_objects_in_listing_query(self, parent_id):
        """ "Select all": every champion the listing's filters match."""
        filters = ChampionFilterSet(
            data=self.request.GET, queryset=Champion.objects.all(), request=self.request
        )
        return filters.qs.values_list("pk", flat=True)
