"""Wagtail admin for activity logs and expense claims: review queues, decisions, payment, export.

Listings open on what is waiting for review, oldest first. Approving many at once, and marking
approved claims paid, are Wagtail bulk actions; a question or refusal is made one at a time on
the review page. Every decision goes through activity_services, which writes the audit log.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import MenuItem
from wagtail.log_actions import registry as log_registry

from . import activity_services as services
from .activity_exports import COLUMNS as ACTIVITY_EXPORT_COLUMNS
from .activity_exports import activity_log_csv
from .activity_forms import ActivityLogAdminForm, ExpenseClaimAdminForm, MarkPaidForm, ReviewForm
from .activity_selectors import activity_review_queue, expense_review_queue
from .choices import ActivityKind, ActivityStatus, ExpenseCategory, ExpenseStatus
from .exports import SafeSpreadsheetExportMixin
from .models import ActivityLog, Area, ExpenseClaim
from .uploads import receipt_response

# Filters
# ------------------------------------------------------------------------------


class _ReviewFilterSet(WagtailFilterSet):
    """Opens on what waits for review; "All" shows every status."""

    area = django_filters.ModelChoiceFilter(
        field_name="champion__area", queryset=Area.objects.all(), label="Area"
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


class ActivityLogFilterSet(_ReviewFilterSet):
    status = django_filters.ChoiceFilter(
        choices=ActivityStatus.choices, widget=forms.RadioSelect, empty_label="All"
    )
    kind = django_filters.ChoiceFilter(
        choices=ActivityKind.choices, label="Type", widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = ActivityLog
        fields = ["status", "kind", "area", "champion", "date"]


class ExpenseClaimFilterSet(_ReviewFilterSet):
    status = django_filters.ChoiceFilter(
        choices=ExpenseStatus.choices, widget=forms.RadioSelect, empty_label="All"
    )
    category = django_filters.ChoiceFilter(
        choices=ExpenseCategory.choices, label="Type", widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = ExpenseClaim
        fields = ["status", "category", "area", "champion", "date"]


# Listings
# ------------------------------------------------------------------------------


class _ReviewIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A listing with bulk-action checkboxes, links to the review page and safe exports."""

    template_name = "champions/activity/admin/index.html"
    selector = None

    def get_base_queryset(self):
        return type(self).selector(super().get_base_queryset())

    def get_review_url(self, instance):
        return reverse(f"{self.model._meta.model_name}:review", args=(quote(instance.pk),))

    @cached_property
    def columns(self):
        obj_type = self.model._meta.model_name
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type=obj_type),
            self._get_title_column_class(TitleColumn)(
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


class ActivityLogIndexView(_ReviewIndexView):
    selector = staticmethod(activity_review_queue)

    def stream_csv(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        return activity_log_csv(queryset, headings)

    extra_columns = [
        Column("champion", label="Champion"),
        Column("area", label="Area", accessor="champion.area"),
        DateColumn("date", label="Date", sort_key="date"),
        Column("hours", label="Hours", accessor="hours_display"),
        Column("status", label="Status", accessor="get_status_display"),
        DateColumn("created_at", label="Sent", sort_key="created_at"),
    ]


class ExpenseClaimIndexView(_ReviewIndexView):
    selector = staticmethod(expense_review_queue)
    extra_columns = [
        Column("champion", label="Champion"),
        Column("area", label="Area", accessor="champion.area"),
        DateColumn("date", label="Date", sort_key="date"),
        Column("amount", label="Amount (£)", accessor="amount"),
        Column("status", label="Status", accessor="get_status_display"),
        DateColumn("created_at", label="Sent", sort_key="created_at"),
    ]


# Review of one entry (question or refusal need a message)
# ------------------------------------------------------------------------------


def _review(request, *, model, pk, template, decide):
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        raise PermissionDenied
    obj = get_object_or_404(model.objects.select_related("champion__user", "reviewed_by"), pk=pk)
    can_decide = request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    form = ReviewForm(request.POST or None, allow_query=model is ActivityLog)
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        if form.is_valid():
            try:
                decide(obj, request.user, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, f"Decision recorded for {obj}.")
                return redirect(f"{opts.model_name}:index")
    history = log_registry.get_logs_for_instance(obj).select_related("user").order_by("-timestamp")
    return TemplateResponse(
        request,
        template,
        {
            "object": obj,
            "form": form,
            "can_decide": can_decide and obj.is_open,
            "history": history[:20],
            "index_url": reverse(f"{opts.model_name}:index"),
        },
    )


def _decide_activity(log, user, data):
    if data["decision"] == "approve":
        if not services.activity_logs_approve(logs=[log], by=user):
            raise ValidationError(services.REVIEWED)
    elif data["decision"] == "query":
        services.activity_log_query(log=log, by=user, question=data["message"])
    else:
        services.activity_log_reject(log=log, by=user, reason=data["message"])


def _decide_expense(claim, user, data):
    if data["decision"] == "approve":
        if not services.expense_claims_approve(claims=[claim], by=user):
            raise ValidationError(services.REVIEWED)
    else:
        services.expense_claim_reject(claim=claim, by=user, reason=data["message"])


def activity_review(request, pk):
    return _review(
        request,
        model=ActivityLog,
        pk=pk,
        template="champions/activity/admin/review_activity.html",
        decide=_decide_activity,
    )


def expense_review(request, pk):
    return _review(
        request,
        model=ExpenseClaim,
        pk=pk,
        template="champions/activity/admin/review_expense.html",
        decide=_decide_expense,
    )


def expense_receipt(request, pk):
    """Staff with rights over claims see the receipt; it has no public URL."""
    if not request.user.has_perm("champions.view_expenseclaim"):
        raise PermissionDenied
    return receipt_response(get_object_or_404(ExpenseClaim, pk=pk))


# Viewsets
# ------------------------------------------------------------------------------


class ActivityLogViewSet(ModelViewSet):
    """Champions' activity logs: the review queue, staff entries and the hours export."""

    model = ActivityLog
    icon = "time"
    menu_label = "Activity logs"
    add_to_admin_menu = False
    index_view_class = ActivityLogIndexView
    filterset_class = ActivityLogFilterSet
    search_fields = ["description", "champion__preferred_name"]
    ordering = ["created_at", "pk"]
    copy_view_enabled = False
    list_per_page = 50
    list_export = ACTIVITY_EXPORT_COLUMNS
    export_headings = {
        "champion.preferred_name": "Champion",
        "champion.area": "Area",
        "get_kind_display": "Type",
        "protective_factor_labels": "Protective factors",
        "get_status_display": "Status",
        "staff_message": "Question or reason",
    }
    export_filename = "activity-logs"
    edit_handler = ObjectList(
        [
            FieldPanel("champion"),
            FieldPanel("date"),
            FieldPanel("kind"),
            FieldPanel("hours"),
            FieldPanel("event"),
            FieldPanel("people_reached"),
            FieldPanel("description"),
            FieldPanel("protective_factors"),
        ],
        base_form_class=ActivityLogAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", activity_review, name="review"),
        ]


class ExpenseClaimViewSet(ModelViewSet):
    """Expense claims: the review queue, payment and the finance export."""

    model = ExpenseClaim
    icon = "form"
    menu_label = "Expense claims"
    add_to_admin_menu = False
    index_view_class = ExpenseClaimIndexView
    filterset_class = ExpenseClaimFilterSet
    search_fields = ["description", "payment_reference", "champion__preferred_name"]
    ordering = ["created_at", "pk"]
    copy_view_enabled = False
    list_per_page = 50
    list_export = [
        "pk",
        "champion.preferred_name",
        "champion.user.email",
        "champion.area",
        "date",
        "get_category_display",
        "amount",
        "description",
        "get_status_display",
        "reviewed_by",
        "reviewed_at",
        "paid_on",
        "payment_reference",
    ]
    export_headings = {
        "pk": "Claim",
        "champion.preferred_name": "Champion",
        "champion.user.email": "E-mail",
        "champion.area": "Area",
        "get_category_display": "Category",
        "amount": "Amount (GBP)",
        "get_status_display": "Status",
    }
    export_filename = "expense-claims"
    edit_handler = ObjectList(
        [
            FieldPanel("champion"),
            FieldPanel("date"),
            FieldPanel("category"),
            FieldPanel("amount"),
            FieldPanel("description"),
            FieldPanel("receipt"),
        ],
        base_form_class=ExpenseClaimAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", expense_review, name="review"),
            path("receipt/<int:pk>/", expense_receipt, name="receipt"),
        ]


class ActivityViewSetGroup(ModelViewSetGroup):
    """Admin menu: "Activity and expenses"."""

    menu_label = "Activity and expenses"
    menu_icon = "time"
    menu_order = 210
    items = (ActivityLogViewSet("activitylog"), ExpenseClaimViewSet("expenseclaim"))


# Bulk actions
# ------------------------------------------------------------------------------


class _ReviewBulkAction(BulkAction):
    """Acts on the ticked rows, or on every row the listing's filters match ("select all")."""

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
        return list(model.objects.filter(pk__in=object_ids).select_related("champion"))

    def check_perm(self, obj):
        return obj.status in self.actionable_status

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.extras}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} {self.done_message}."


class ApproveActivityBulkAction(_ReviewBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve the selected activity logs"
    template_name = "champions/activity/admin/confirm_bulk.html"
    models = [ActivityLog]
    filterset_class = ActivityLogFilterSet
    actionable_status = (ActivityStatus.SUBMITTED, ActivityStatus.QUERIED)
    done_message = "activity log(s) approved"
    extras = {"question": "Approve these activity logs?", "button": "Yes, approve"}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.activity_logs_approve(logs=objects, by=user), 0


class ApproveExpenseBulkAction(_ReviewBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve the selected expense claims"
    template_name = "champions/activity/admin/confirm_bulk.html"
    models = [ExpenseClaim]
    filterset_class = ExpenseClaimFilterSet
    actionable_status = (ExpenseStatus.SUBMITTED,)
    done_message = "expense claim(s) approved"
    extras = {"question": "Approve these expense claims?", "button": "Yes, approve"}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.expense_claims_approve(claims=objects, by=user), 0


class MarkPaidBulkAction(_ReviewBulkAction):
    display_name = "Mark paid"
    action_type = "mark_paid"
    aria_label = "Mark the selected approved claims as paid"
    template_name = "champions/activity/admin/confirm_bulk.html"
    models = [ExpenseClaim]
    form_class = MarkPaidForm
    filterset_class = ExpenseClaimFilterSet
    actionable_status = (ExpenseStatus.APPROVED,)
    done_message = "expense claim(s) marked paid"
    action_priority = 110
    extras = {"question": "Mark these approved claims paid?", "button": "Mark paid"}

    def get_execution_context(self):
        return {**super().get_execution_context(), **self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(cls, objects, user=None, paid_on=None, reference="", **kwargs):
        count = services.expense_claims_mark_paid(
            claims=objects, by=user, paid_on=paid_on, reference=reference
        )
        return count, 0


BULK_ACTIONS = [ApproveActivityBulkAction, ApproveExpenseBulkAction, MarkPaidBulkAction]


def register_log_actions(actions):
    """Names for the review decisions in Wagtail's audit log and history views."""
    actions.register_action("champions.activity.approve", "Approve activity", "Activity approved")
    actions.register_action("champions.activity.query", "Query activity", "Question asked")
    actions.register_action("champions.activity.reject", "Reject activity", "Activity not approved")
    actions.register_action("champions.expense.approve", "Approve expense", "Expense approved")
    actions.register_action("champions.expense.reject", "Reject expense", "Expense not approved")
    actions.register_action("champions.expense.paid", "Mark expense paid", "Expense marked paid")
