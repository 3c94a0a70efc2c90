"""Every point parents raised at meetings, focus groups and mapping sessions, with its source,
theme, factors and the outcomes it led to; "no outcome yet" shows what is still unanswered."""

import django_filters
from django.db.models import Count
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from champions.exports import SafeSpreadsheetExportMixin
from champions.models import ProtectiveFactor

from ..models import ParentVoiceItem


class ParentVoiceFilterSet(WagtailFilterSet):
    answered = django_filters.ChoiceFilter(
        label="Outcome",
        choices=[("no", "No outcome yet"), ("yes", "Led to an outcome")],
        method="filter_answered",
        empty_label="Any",
    )
    protective_factors = django_filters.ModelChoiceFilter(
        queryset=ProtectiveFactor.objects.all(), label="Protective factor"
    )

    class Meta:
        model = ParentVoiceItem
        fields = ["record__event__kind", "theme"]

    def filter_answered(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(outcome_count__gt=0)
        if value == "no":
            return queryset.filter(outcome_count=0)
        return queryset


class ParentVoiceIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("record__event")
            .prefetch_related("protective_factors", "outcome_links__page")
            .annotate(outcome_count=Count("outcome_links", distinct=True))
        )


def _factors(item):
    return ", ".join(f.label for f in item.protective_factors.all())


def _outcomes(item):
    titles = [link.page.title for link in item.outcome_links.all()]
    return "; ".join(titles) or "No outcome yet"


class ParentVoiceViewSet(ModelViewSet):
    """Parent voice: every point raised, where, its theme and factors, and what it led to."""

    model = ParentVoiceItem
    name = "events_parentvoiceitem"
    url_prefix = "parent_voice"
    icon = "openquote"
    menu_label = "Parent voice"
    index_view_class = ParentVoiceIndexView
    filterset_class = ParentVoiceFilterSet
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-record__event__starts_at", "sort_order"]
    search_fields = ["text", "theme", "quote"]
    list_display = [
        "text",
        Column("record.event", label="Source"),
        Column("record.event.get_kind_display", label="Kind"),
        DateColumn("record.event.starts_at", label="Date", sort_key="record__event__starts_at"),
        "theme",
        Column("parents_count", label="Parents"),
        Column(_factors, label="Protective factors"),
        Column(_outcomes, label="Outcomes"),
    ]
    list_export = ["text", "record.event", "theme", "parents_count", "outcome_count"]
    export_headings = {"record.event": "Source", "outcome_count": "Outcomes"}
    export_filename = "parent-voice"
    form_fields = ["text", "theme", "parents_count", "quote", "protective_factors"]
