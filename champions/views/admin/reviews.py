"""Staff's review page for one activity log or expense claim, and the receipt behind a claim.

A question or a refusal needs a message; approving many at once is a bulk action (viewsets).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

from ...forms.reviews import ReviewForm
from ...models import ActivityLog, ExpenseClaim
from ...services import activity, expenses
from ...services.reviews import REVIEWED
from ...uploads import receipt_response


def entry_review(request, pk, *, model):
    """The review page of one activity log or expense claim: its history and the decision."""
    opts = model._meta
    template, decide = REVIEWS[model]
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
                return redirect(f"{opts.app_label}_{opts.model_name}:index")
    history = log_registry.get_logs_for_instance(obj).select_related("user").order_by("-timestamp")
    return TemplateResponse(
        request,
        template,
        {
            "object": obj,
            "form": form,
            "can_decide": can_decide and obj.is_open,
            "history": history[:20],
            "index_url": reverse(f"{opts.app_label}_{opts.model_name}:index"),
        },
    )


def _decide_activity(log, user, data):
    if data["decision"] == "approve":
        if not activity.activity_logs_approve(logs=[log], by=user):
            raise ValidationError(REVIEWED)
    elif data["decision"] == "query":
        activity.activity_log_query(log=log, by=user, question=data["message"])
    else:
        activity.activity_log_reject(log=log, by=user, reason=data["message"])


def _decide_expense(claim, user, data):
    if data["decision"] == "approve":
        if not expenses.expense_claims_approve(claims=[claim], by=user):
            raise ValidationError(REVIEWED)
    else:
        expenses.expense_claim_reject(claim=claim, by=user, reason=data["message"])


# Per kind of entry: the review page's template and how a decision is recorded.
REVIEWS = {
    ActivityLog: ("champions/activity/admin/review_activity.html", _decide_activity),
    ExpenseClaim: ("champions/activity/admin/review_expense.html", _decide_expense),
}


def expense_receipt(request, pk):
    """Staff with rights over claims see the receipt; it has no public URL."""
    if not request.user.has_perm("champions.view_expenseclaim"):
        raise PermissionDenied
    return receipt_response(get_object_or_404(ExpenseClaim, pk=pk))
