"""What every funder report shares: the filters, rows as dicts, a chart and safe downloads."""

import datetime
import html

import django_filters
from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from accounts.admin_denied import AdminRefusesWith403Mixin
from accounts.charts import bar_chart
from champions.choices import Stage
from champions.exports import FormulaSafeExportMixin
from champions.models import ActivityLog, Area

from ..choices import EventKind


class ReportFilterSet(WagtailFilterSet):
    """Date range, ward, stage and event kind; each report reads the ones it uses."""

    start = django_filters.DateFilter(
        label="From", method="keep", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = django_filters.DateFilter(
        label="To", method="keep", widget=forms.DateInput(attrs={"type": "date"})
    )
    area = django_filters.ModelChoiceFilter(
        label="Ward", queryset=Area.objects.all(), method="keep", empty_label="All wards"
    )
    stage = django_filters.ChoiceFilter(
        label="Stage", choices=Stage.choices, method="keep", empty_label="Any stage"
    )
    kind = django_filters.ChoiceFilter(
        label="Event kind", choices=EventKind.choices, method="keep", empty_label="Any kind"
    )

    class Meta:
        model = ActivityLog
        fields = []

    def keep(self, queryset, name, value):
        return queryset


def default_range(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last twelve whole months and this one so far."""
    return today.replace(day=1) - relativedelta(months=11), today


def table_rows(rows: list[dict], columns_spec) -> str:
    """The table's body rows as HTML, each cell localised and escaped as {{ cell }} would be.
    Built here rather than in the template (or with format_html): a year of every ward and
    factor is 15,000 cells, and templating them took most of the page's time."""
    keys = [key for key, _ in columns_spec]
    formatted: dict[tuple, str] = {}  # the same few figures (zeros above all) recur

    def cell(value) -> str:
        if value is None:
            return ""
        key = (type(value), str(value))
        if key not in formatted:
            formatted[key] = html.escape(str(localize(value)))
        return formatted[key]

    return mark_safe(  # noqa: S308 - every cell is escaped above
        "".join(
            "<tr>" + "".join(f"<td>{cell(row.get(key))}</td>" for key in keys) + "</tr>"
            for row in rows
        )
    )


class FunderReportView(AdminRefusesWith403Mixin, FormulaSafeExportMixin, ReportView):
    """A report of rows (dicts) worked out by a selector from the filters, not a queryset."""

    template_name = "events/admin/reports/report.html"
    results_template_name = "events/admin/reports/report_results.html"
    header_icon = "table"
    paginate_by = None
    filterset_class = ReportFilterSet
    slug = ""
    permission = "champions.view_activitylog"
    columns_spec: list[tuple[str, str]] = []
    filters_used = ("start", "end", "area", "stage", "kind")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def index_url_name(self):
        return f"events_report_{self.slug}"

    @property
    def index_results_url_name(self):
        return f"events_report_{self.slug}_results"

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": ActivityLog.objects.none()}

    @cached_property
    def filters(self):
        filterset = super().filters
        for name in list(filterset.form.fields):
            if name not in self.filters_used:
                del filterset.form.fields[name]
        return filterset

    @cached_property
    def params(self) -> dict:
        """The filters' values, with the default date range where none is given."""
        data = {}
        if self.filters.is_valid():
            data = {k: v for k, v in self.filters.form.cleaned_data.items() if v}
        start, end = default_range(timezone.localdate())
        data.setdefault("start", start)
        data.setdefault("end", end)
        return data

    @cached_property
    def report(self) -> dict:
        return self.build(**self.params)

    def build(self, **params) -> dict:
        """{"rows": [dict], "chart": [(label, value)], "chart_title": str, ...}."""
        raise NotImplementedError

    def get_queryset(self):
        return self.report["rows"]

    def get_filtered_queryset(self):
        return self.get_queryset()

    @cached_property
    def columns(self):
        return [Column(key, label=label) for key, label in self.columns_spec]

    @property
    def list_export(self):
        return [key for key, _ in self.columns_spec]

    @property
    def export_headings(self):
        return dict(self.columns_spec)

    def get_filename(self):
        return f"{self.slug}-{self.params['start']:%Y-%m-%d}-to-{self.params['end']:%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = bar_chart(self.report["chart"])
        context["chart_title"] = self.report["chart_title"]
        context["summary"] = self.report.get("summary", [])
        context["params"] = self.params
        context["columns_spec"] = self.columns_spec
        context["report_rows"] = table_rows(context["object_list"], self.columns_spec)
        return context

    @classmethod
    def urls(cls):
        return [
            path(f"funders/{cls.slug}/", cls.as_view(), name=f"events_report_{cls.slug}"),
            path(
                f"funders/{cls.slug}/results/",
                cls.as_view(results_only=True),
                name=f"events_report_{cls.slug}_results",
            ),
        ]

    @classmethod
    def menu_item(cls, order):
        view = cls

        class ReportMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm(view.permission)

        return ReportMenuItem(
            str(cls.page_title),
            reverse(f"events_report_{cls.slug}"),
            icon_name="table",
            order=order,
        )
