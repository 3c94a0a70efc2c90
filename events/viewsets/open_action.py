"""Open actions in the admin: actions still open across all meetings, overdue first."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.columns import WhenColumn
from champions.exports import SafeSpreadsheetExportMixin

from ..choices import ActionStatus
from ..models import MeetingAction
from ..selectors.meetings import meeting_actions_open


class OpenActionsIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return meeting_actions_open()

    def order_queryset(self, queryset):
        # Overdue first is the point of this list, unless staff sort by a column.
        if "ordering" not in self.request.GET:
            return queryset
        return super().order_queryset(queryset)


def _overdue(action):
    return "Overdue" if action.is_overdue() else ""


class OpenActionViewSet(ModelViewSet):
    """Actions still open across all meetings, overdue first; done ones drop off the list."""

    model = MeetingAction
    name = "events_meetingaction"
    url_prefix = "open_actions"
    icon = "tasks"
    menu_label = "Open actions"
    index_view_class = OpenActionsIndexView
    copy_view_enabled = False
    search_fields = ["what", "owner"]
    list_display = [
        "what",
        "owner",
        WhenColumn("due_on", label="Due", sort_key="due_on"),
        Column(_overdue, label="Overdue"),
        "status",
        Column("record.event", label="Meeting"),
    ]
    list_export = ["what", "owner", "due_on", "status", "record.event"]
    export_headings = {"record.event": "Meeting"}
    export_filename = "open-actions"
    panels = [
        FieldPanel("record"),
        FieldPanel("what"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on"), FieldPanel("status")]),
    ]

    class filterset_class(WagtailFilterSet):
        status = django_filters.ChoiceFilter(
            choices=[
                (s, ActionStatus(s).label) for s in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
            ]
        )

        class Meta:
            model = MeetingAction
            fields = ["status"]
