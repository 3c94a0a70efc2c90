"""Events in the admin: plan, fill and run them; the register and cancelling are beside it."""

import django_filters
from django.db.models import BooleanField, Case, F, IntegerField, OuterRef, Subquery, When
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from accounts.columns import WhenColumn
from champions.exports import SafeSpreadsheetExportMixin
from champions.models import Area

from ..choices import EventStatus
from ..models import Event, MeetingRecord
from ..selectors.events import events_with_booked_count
from ..services.booking import event_fill_from_waiting_list
from ..views.admin.attendance import AttendanceRegisterView
from ..views.admin.cancel import CancelEventView


class EventFilterSet(WagtailFilterSet):
    """Filters on the events listing: when, kind, ward, audience, status."""

    when = django_filters.ChoiceFilter(
        label="When",
        choices=[("upcoming", "Upcoming"), ("past", "Past")],
        method="filter_when",
        empty_label="Any time",
    )
    area = django_filters.ModelChoiceFilter(queryset=Area.objects.all(), label="Ward")

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
        return events_with_booked_count(
            super().get_base_queryset().select_related("area")
        ).annotate(record_pk=Subquery(record, output_field=IntegerField()))

    def order_queryset(self, queryset):
        # Unless staff sort by a column: the next event first, then the rest still to come,
        # then past events, the most recent first.
        if "ordering" in self.request.GET:
            return super().order_queryset(queryset)
        past = Case(
            When(ends_at__lte=timezone.now(), then=True), default=False, output_field=BooleanField()
        )
        upcoming_start = Case(When(ends_at__gt=timezone.now(), then=F("starts_at")))
        return queryset.order_by(past, upcoming_start.asc(), "-starts_at", "pk")

    def get_list_more_buttons(self, instance):
        user = self.request.user
        record_url = (
            reverse("events_meetingrecord:edit", args=[instance.record_pk])
            if instance.record_pk
            else reverse("events_meetingrecord:add") + f"?event={instance.pk}"
        )
        # (label, url, icon, priority, shown)
        extra = [
            (
                "Attendance register",
                reverse("events_event:register", args=[instance.pk]),
                "tasks",
                5,
                True,
            ),
            (
                "Meeting record",
                record_url,
                "doc-full",
                6,
                instance.keeps_meeting_record and user.has_perm("events.change_meetingrecord"),
            ),
            (
                "Cancel event",
                reverse("events_event:cancel", args=[instance.pk]),
                "cross",
                25,
                instance.status == EventStatus.SCHEDULED and user.has_perm("events.change_event"),
            ),
        ]
        return [
            *super().get_list_more_buttons(instance),
            *(
                ListingButton(label, url=url, icon_name=icon, priority=priority)
                for label, url, icon, priority, shown in extra
                if shown
            ),
        ]


class EventEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        # A larger capacity frees places for those waiting.
        event_fill_from_waiting_list(event=instance)
        return instance


class EventViewSet(ModelViewSet):
    """Events staff plan, fill and run; "Copy" duplicates one, the register records who came."""

    model = Event
    name = "events_event"
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
        WhenColumn("starts_at", label="Starts", sort_key="starts_at"),
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
