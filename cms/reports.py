"""Wagtail's built-in admin reports, served so that their downloads cannot carry a formula.

Page titles and people's names in these reports are typed by champions (story drafts, sign-up);
a title such as `=HYPERLINK(...)` would run in a spreadsheet. The views are Wagtail's own with
the project's formula-safe export; `urlpatterns` is mounted ahead of Wagtail's admin URLs.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

from champions.exports import FormulaSafeExportMixin


class SiteHistoryReport(FormulaSafeExportMixin, LogEntriesView):
    """Site history: who did what to which page or record."""


class WorkflowReport(FormulaSafeExportMixin, WorkflowView):
    """Pages and snippets in moderation, with who asked."""


class WorkflowTasksReport(FormulaSafeExportMixin, WorkflowTasksView):
    """Each moderation task, with who asked and who decided."""


class AgingPagesReport(FormulaSafeExportMixin, AgingPagesView):
    """Pages by when they were last published."""


class LockedPagesReport(FormulaSafeExportMixin, LockedPagesView):
    """Pages locked for editing, and by whom."""


REPORTS = {
    "site-history": SiteHistoryReport,
    "workflow": WorkflowReport,
    "workflow_tasks": WorkflowTasksReport,
    "aging-pages": AgingPagesReport,
    "locked": LockedPagesReport,
}

# Wagtail's paths (wagtail/admin/urls/reports.py), listing and results-only alike: both export.
urlpatterns = [
    pattern
    for slug, view in REPORTS.items()
    for pattern in (
        path(f"{slug}/", require_admin_access(view.as_view())),
        path(f"{slug}/results/", require_admin_access(view.as_view(results_only=True))),
    )
]
