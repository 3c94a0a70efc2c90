"""Milestones in the admin: who reached one, newest first, with a "this month" filter."""

import django_filters
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from ..models import Milestone
from ..selectors.recognition import milestones_this_month
from .base import ProgrammeViewSet


class MilestoneFilterSet(WagtailFilterSet):
    this_month = django_filters.BooleanFilter(
        label="Reached this month", method="filter_this_month", widget=BooleanRadioSelect
    )

    class Meta:
        model = Milestone
        fields = ["kind"]

    def filter_this_month(self, queryset, name, value):
        if value is None:
            return queryset
        pks = milestones_this_month(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=pks) if value else queryset.exclude(pk__in=pks)


class MilestoneViewSet(ProgrammeViewSet):
    """Hours milestones and anniversaries champions reached; recorded by the site, read-only."""

    model = Milestone
    icon = "trophy"
    menu_label = "Milestones"
    filterset_class = MilestoneFilterSet
    list_display = ["champion", "__str__", "reached_on"]
    list_export = ["champion", "kind", "value", "reached_on"]
    export_filename = "milestones"
    list_select_related = ["champion"]
    form_fields = ["champion", "kind", "value", "reached_on"]
