"""Activity logs in the admin: the review queue, staff entries and the hours export."""

from wagtail.admin.panels import ObjectList

from accounts.columns import TextColumn

from ..choices import ActivityKind, ActivityStatus
from ..exports.activity import COLUMNS as ACTIVITY_EXPORT_COLUMNS
from ..exports.activity import activity_log_csv
from ..forms.activity import ActivityLogAdminForm
from ..models import ActivityLog
from ..selectors.activity import activity_logs_review_queue
from ..services.activity import activity_logs_approve
from .champion_chooser import form_panels
from .reviews import (
    ApproveBulkAction,
    ReviewIndexView,
    ReviewViewSet,
    entry_columns,
    review_filterset,
)

ActivityLogFilterSet = review_filterset(
    ActivityLog, statuses=ActivityStatus.choices, type_field="kind", types=ActivityKind.choices
)


class ActivityLogIndexView(ReviewIndexView):
    selector = staticmethod(activity_logs_review_queue)
    extra_columns = entry_columns(TextColumn("hours", label="Hours", accessor="hours_display"))

    def stream_csv(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        return activity_log_csv(queryset, headings)


class ActivityLogViewSet(ReviewViewSet):
    """Champions' activity logs: the review queue, staff entries and the hours export."""

    model = ActivityLog
    icon = "time"
    menu_label = "Activity logs"
    index_view_class = ActivityLogIndexView
    filterset_class = ActivityLogFilterSet
    search_fields = ["description", "champion__preferred_name"]
    list_export = ACTIVITY_EXPORT_COLUMNS
    export_headings = {
        "champion.display_name": "Champion",
        "champion.area": "Ward",
        "get_kind_display": "Type",
        "protective_factor_labels": "Protective factors",
        "get_status_display": "Status",
        "staff_message": "Question or reason",
    }
    export_filename = "activity-logs"
    edit_handler = ObjectList(
        form_panels(ActivityLogAdminForm),
        base_form_class=ActivityLogAdminForm,
    )


class ApproveActivityBulkAction(ApproveBulkAction):
    aria_label = "Approve the selected activity logs"
    models = [ActivityLog]
    filterset_class = ActivityLogFilterSet
    actionable_status = (ActivityStatus.SUBMITTED, ActivityStatus.QUERIED)
    done_message = "activity log(s) approved"
    extras = {"question": "Approve these activity logs?", "button": "Yes, approve"}
    approve = staticmethod(lambda objects, user: activity_logs_approve(logs=objects, by=user))
