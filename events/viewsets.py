"""Wagtail admin for events, meeting records and open actions."""

import django_filters
from django.db.models import IntegerField, OuterRef, Subquery
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import ListingButton

from champions.exports import SafeSpreadsheetExportMixin
from champions.models import Area

from . import selectors, services
from .admin_views import AttendanceRegisterView, CancelEventView
from .choices import ActionStatus, EventKind, EventStatus
from .models import Event, MeetingAction, MeetingRecord
from .panels import QuorumPanel

# Events
# ------------------------------------------------------------------------------


class EventFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label="When",
        choices=[("upcoming", "Upcoming"), ("past", "Past")],
        method="filter_when",
        empty_label="Any time",
    )
    area = django_filters.ModelChoiceFilter(queryset=Area.objects.all())

    class Meta:
        model = Event
        fields = ["kind", "area", "audience", "status"]

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gt=now)
        if value == "past":
            return queryset.filter(ends_at__lte=now).order_by("-starts_at")
        return queryset


class EventIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        record = MeetingRecord.objects.filter(event=OuterRef("pk")).values("pk")[:1]
        return selectors.with_booked_count(
            super().get_base_queryset().select_related("area")
        ).annotate(record_pk=Subquery(record, output_field=IntegerField()))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        buttons.append(
            ListingButton(
                "Attendance register",
                url=reverse("events_admin:register", args=[instance.pk]),
                icon_name="tasks",
                priority=5,
            )
        )
        if instance.keeps_meeting_record and user.has_perm("events.change_meetingrecord"):
            url = (
                reverse("meeting_records:edit", args=[instance.record_pk])
                if instance.record_pk
                else reverse("meeting_records:add") + f"?event={instance.pk}"
            )
            buttons.append(
                ListingButton("Meeting record", url=url, icon_name="doc-full", priority=6)
            )
        if instance.status == EventStatus.SCHEDULED and user.has_perm("events.change_event"):
            buttons.append(
                ListingButton(
                    "Cancel event",
                    url=reverse("events_admin:cancel", args=[instance.pk]),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons


class EventEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        # A larger capacity frees places for those waiting.
        services.event_fill_from_waiting_list(event=instance)
        return instance


class EventViewSet(ModelViewSet):
    """Events staff plan, fill and run; "Copy" duplicates one, the register records who came."""

    model = Event
    name = "events_admin"
    url_prefix = "events"
    icon = "date"
    menu_label = "Events"
    add_to_admin_menu = False
    index_view_class = EventIndexView
    edit_view_class = EventEditView
    filterset_class = EventFilterSet
    ordering = ["-starts_at"]
    search_fields = ["title", "venue_name", "description"]
    list_display = [
        "title",
        "kind",
        DateColumn("starts_at", label="Starts", sort_key="starts_at"),
        "area",
        Column("booked_count", label="Booked"),
        Column("capacity", label="Capacity"),
        "audience",
        "status",
    ]
    list_export = [
        "pk",
        "title",
        "kind",
        "starts_at",
        "ends_at",
        "area",
        "venue_name",
        "audience",
        "capacity",
        "booked_count",
        "status",
        "families_reached",
        "children_reached",
    ]
    export_headings = {"pk": "ID", "booked_count": "Booked"}
    export_filename = "events"
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("training_module")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("accessibility_notes"),
                FieldPanel("online_link"),
                FieldPanel("area"),
            ],
            heading="Place",
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("invited"),
                FieldPanel("capacity"),
                FieldPanel("requires_dbs"),
                FieldPanel("organiser"),
            ],
            heading="Who can come",
        ),
        MultiFieldPanel(
            [
                FieldPanel("children_welcome"),
                FieldPanel("creche"),
                FieldPanel("step_free_access"),
                FieldPanel("refreshments"),
            ],
            heading="For families",
        ),
    ]

    def get_urlpatterns(self):
        view_kwargs = {
            "index_url_name": self.get_url_name("index"),
            "edit_url_name": self.get_url_name("edit"),
        }
        return [
            *super().get_urlpatterns(),
            path(
                "register/<int:pk>/",
                AttendanceRegisterView.as_view(**view_kwargs),
                name="register",
            ),
            path("cancel/<int:pk>/", CancelEventView.as_view(**view_kwargs), name="cancel"),
        ]


# Meeting records and their actions
# ------------------------------------------------------------------------------


class MeetingRecordCreateView(CreateView):
    def get_initial_form_instance(self):
        instance = MeetingRecord()
        event_id = self.request.GET.get("event", "")
        if event_id.isdigit():
            instance.event = Event.objects.filter(
                pk=event_id, kind__in=[EventKind.CO_PRODUCTION, EventKind.FOCUS_GROUP]
            ).first()
        return instance


class MeetingRecordIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return selectors.with_parents_present(
            super().get_base_queryset().select_related("event"), event_path="event_id"
        )


def _quorum(record):
    return str(
        selectors.quorum_for(
            record.event, champions_present=record.parents_present, parent_walk_ins=0
        )
    )


class MeetingRecordViewSet(ModelViewSet):
    """Co-production meeting and focus group records: agenda, parent voice, decisions, actions."""

    model = MeetingRecord
    name = "meeting_records"
    icon = "doc-full"
    menu_label = "Meeting records"
    add_view_class = MeetingRecordCreateView
    index_view_class = MeetingRecordIndexView
    ordering = ["-event__starts_at"]
    search_fields = ["agenda", "notes"]
    list_filter = ["event__kind", "event__area"]
    list_display = [
        "event",
        DateColumn("event.starts_at", label="Date", sort_key="event__starts_at"),
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
            panels=[FieldPanel("text"), FieldPanel("protective_factors")],
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


class OpenActionsIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return selectors.open_actions()

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
    name = "open_actions"
    icon = "tasks"
    menu_label = "Open actions"
    index_view_class = OpenActionsIndexView
    copy_view_enabled = False
    search_fields = ["what", "owner"]
    list_display = [
        "what",
        "owner",
        DateColumn("due_on", label="Due", sort_key="due_on"),
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


class EventsGroup(ModelViewSetGroup):
    """The Events menu: events, meeting records and open actions."""

    menu_label = "Events"
    menu_icon = "date"
    menu_order = 210
    items = (EventViewSet, MeetingRecordViewSet, OpenActionViewSet)
