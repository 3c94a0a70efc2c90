"""What the activity log and expense claim viewsets share: a review queue.

Listings open on what is waiting for review, oldest first. Approving many at once, and marking
approved claims paid, are Wagtail bulk actions; a question or refusal is made one at a time on
the review page (views/admin/reviews.py). Every decision goes through a service, which writes
the audit log.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem

from accounts.columns import (
    AgeColumn,
    ButtonsTitleColumn,
    CheckboxColumn,
    QuickTable,
    TextColumn,
)
from accounts.widgets import QuickWidgetsFilterSetMixin

from ..exports import SafeSpreadsheetExportMixin
from ..models import Area
from ..views.admin.reviews import entry_review
from .base import PermissionsOncePerPageMixin


class ReviewFilterSet(QuickWidgetsFilterSetMixin, WagtailFilterSet):
    """Opens on what waits for review; "All" shows every status."""

    area = django_filters.ModelChoiceFilter(
        field_name="champion__area", queryset=Area.objects.all(), label="Ward"
    )
    # A text box, not a drop-down: a drop-down of every champion grows with the programme.
    champion = django_filters.CharFilter(
        method="filter_champion", label="Champion", help_text="Name or e-mail address"
    )
    date = django_filters.DateFromToRangeFilter(widget=DateRangePickerWidget, label="Date")

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = "submitted"
        super().__init__(data, *args, **kwargs)

    def filter_champion(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(champion__preferred_name__icontains=value) | Q(champion__user__email__icontains=value)
        )


def review_filterset(model, *, statuses, type_field: str, types) -> type[ReviewFilterSet]:
    """The review queue's filters for `model`: status, type, area, champion and date."""
    return type(
        f"{model.__name__}FilterSet",
        (ReviewFilterSet,),
        {
            "status": django_filters.ChoiceFilter(
                choices=statuses, widget=forms.RadioSelect, empty_label="All"
            ),
            type_field: django_filters.ChoiceFilter(
                choices=types, label="Type", widget=forms.RadioSelect, empty_label="All"
            ),
            "Meta": type(
                "Meta",
                (),
                {"model": model, "fields": ["status", type_field, "area", "champion", "date"]},
            ),
        },
    )


def entry_columns(figure: Column) -> list[Column]:
    """The review queue's columns after the entry itself; `figure` is the hours or amount."""
    return [
        TextColumn("champion", label="Champion"),
        TextColumn("area", label="Ward", accessor="champion.area"),
        AgeColumn("date", label="Date", sort_key="date"),
        figure,
        TextColumn("status", label="Status", accessor="get_status_display"),
        AgeColumn("created_at", label="Sent", sort_key="created_at"),
    ]


class ReviewIndexView(PermissionsOncePerPageMixin, SafeSpreadsheetExportMixin, IndexView):
    """A listing with bulk-action checkboxes, links to the review page and safe exports."""

    template_name = "champions/activity/admin/index.html"
    table_class = QuickTable
    selector = None
    extra_columns = ()

    def get_base_queryset(self):
        return type(self).selector(super().get_base_queryset())

    def get_review_url(self, instance):
        # The title and the menu's "Review" both link here: reversed once a row.
        if instance.pk not in self._review_urls:
            self._review_urls[instance.pk] = reverse(
                f"{self.url_namespace}:review", args=(quote(instance.pk),)
            )
        return self._review_urls[instance.pk]

    @cached_property
    def _review_urls(self) -> dict:
        return {}

    @cached_property
    def url_namespace(self):
        return self.index_url_name.rsplit(":", 1)[0]

    @cached_property
    def columns(self):
        obj_type = self.model._meta.model_name
        return [
            CheckboxColumn("bulk_actions", obj_type=obj_type),
            self._get_title_column_class(ButtonsTitleColumn)(
                "title",
                label="Entry",
                accessor=str,
                get_url=self.get_review_url,
                get_title_id=lambda instance: f"{obj_type}_{quote(instance.pk)}_title",
            ),
            *self.extra_columns,
        ]

    def get_list_more_buttons(self, instance):
        return [
            MenuItem("Review", url=self.get_review_url(instance), icon_name="tick", priority=5),
            *super().get_list_more_buttons(instance),
        ]


class ReviewViewSet(ModelViewSet):
    """A review queue of champions' entries, with a review page for each."""

    add_to_admin_menu = False
    ordering = ["created_at", "pk"]
    copy_view_enabled = False
    list_per_page = 50

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", entry_review, {"model": self.model}, name="review"),
        ]


class ReviewBulkAction(BulkAction):
    """Acts on the ticked rows, or on every row the listing's filters match ("select all")."""

    template_name = "champions/activity/admin/confirm_bulk.html"
    filterset_class = None
    actionable_status = None

    def dispatch(self, request, *args, **kwargs):
        opts = self.model._meta
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        queryset = self.filterset_class(
            data=self.request.GET, queryset=self.model.objects.all(), request=self.request
        ).qs
        return queryset.values_list("pk", flat=True)

    @classmethod
    def get_queryset(cls, model, object_ids):
        if not isinstance(object_ids, QuerySet):
            # ?id= comes from the address bar: a non-number (or one past the database's
            # integers) is no row, not a server error.
            object_ids = [i for i in object_ids if i.isdigit() and int(i) < 2**63]
        return list(
            model.objects.filter(pk__in=object_ids).select_related(
                "champion__user", "champion__area"
            )
        )

    def check_perm(self, obj):
        return obj.status in self.actionable_status

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.extras}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} {self.done_message}."


class ApproveBulkAction(ReviewBulkAction):
    """Approve the selected entries; `approve(objects, by)` is the service that does it."""

    display_name = "Approve"
    action_type = "approve"
    approve = None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return cls.approve(objects, user), 0
