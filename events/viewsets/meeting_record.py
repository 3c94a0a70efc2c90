"""Meeting records in the admin: agenda, parent voice, decisions and actions, and the quorum."""

from django import forms
from django.db.models import Value
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.columns import WhenColumn
from champions.exports import SafeSpreadsheetExportMixin

from ..choices import RECORDED_KINDS
from ..models import Event, EventsSettings, MeetingRecord
from ..selectors.attendance import events_with_parents_present, meeting_quorum, meeting_quorum_for


class QuorumPanel(Panel):
    """Shows on a meeting record whether its meeting was quorate, from the attendance register."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/quorum_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance.event if self.instance.event_id else None
            context["event"] = event
            context["quorum"] = meeting_quorum(event) if event else None
            return context


class MeetingRecordCreateView(CreateView):
    def get_initial_form_instance(self):
        instance = MeetingRecord()
        event_id = self.request.GET.get("event", "")
        if event_id.isdigit():
            instance.event = Event.objects.filter(pk=event_id, kind__in=RECORDED_KINDS).first()
        return instance


class MeetingRecordIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        # The quorum from Settings is read once for the listing, not once a row.
        required = EventsSettings.load(self.request).meeting_quorum_parents
        return events_with_parents_present(
            super().get_base_queryset().select_related("event"), event_path="event_id"
        ).annotate(quorum_required=Value(required))


def _quorum(record):
    return str(
        meeting_quorum_for(
            record.event,
            champions_present=record.parents_present,
            parent_walk_ins=0,
            required=record.quorum_required,
        )
    )


class MeetingRecordViewSet(ModelViewSet):
    """Records of co-production meetings, focus groups and mapping sessions: agenda, parent
    voice (points with theme, factors, how many raised it), decisions, actions."""

    model = MeetingRecord
    name = "events_meetingrecord"
    url_prefix = "meeting_records"
    icon = "doc-full"
    menu_label = "Meeting records"
    add_view_class = MeetingRecordCreateView
    index_view_class = MeetingRecordIndexView
    ordering = ["-event__starts_at"]
    search_fields = ["agenda", "notes"]
    list_filter = ["event__kind", "event__area"]
    list_display = [
        "event",
        WhenColumn("event.starts_at", label="Date", sort_key="event__starts_at"),
        Column("parents_present", label="Parents present"),
        Column(_quorum, label="Quorum"),
    ]
    list_export = ["event", "event.starts_at", "parents_present", "agenda"]
    export_headings = {"event.starts_at": "Date"}
    export_filename = "meeting-records"
    panels = [
        FieldPanel("event"),
        QuorumPanel(heading="Quorum"),
        FieldPanel("agenda"),
        InlinePanel(
            "parent_voice_items",
            heading="Parent voice",
            label="Point parents raised",
            panels=[
                FieldPanel("text"),
                FieldRowPanel([FieldPanel("theme"), FieldPanel("parents_count")]),
                FieldPanel("quote"),
                FieldPanel("protective_factors", widget=forms.CheckboxSelectMultiple),
            ],
        ),
        InlinePanel("decisions", heading="Decisions", label="Decision"),
        InlinePanel(
            "actions",
            heading="Actions",
            label="Action",
            panels=[
                FieldPanel("what"),
                FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on"), FieldPanel("status")]),
            ],
        ),
        FieldPanel("notes"),
    ]
