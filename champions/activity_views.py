"""Champions' own pages: log an activity, "My activity", claim an expense, "My expenses".

Every entry is looked up through the signed-in champion, so another champion's id is a 404.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from . import activity_selectors as selectors
from . import activity_services as services
from .access import champion_for_request
from .activity_forms import ActivityLogForm, ExpenseClaimForm
from .models import ActivityLog, ExpenseClaim
from .uploads import receipt_response

PAGE_SIZE = 25


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _own_log(request, pk):
    return get_object_or_404(
        ActivityLog.objects.select_related("event").prefetch_related("factors"),
        pk=pk,
        champion=champion_for_request(request),
    )


def _own_claim(request, pk):
    return get_object_or_404(
        ExpenseClaim.objects.select_related("activity"),
        pk=pk,
        champion=champion_for_request(request),
    )


def _month(value: str | None) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


@login_required
def activity_list(request):
    champion = champion_for_request(request)
    month = _month(request.GET.get("month"))
    page = Paginator(selectors.champion_activity_logs(champion, month=month), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "champions/activity/list.html",
        {
            "champion": champion,
            "page": page,
            "month": month,
            "months": selectors.champion_activity_months(champion),
            "totals": selectors.approved_hours_totals(champion),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request):
    champion = champion_for_request(request)
    initial = {"date": timezone.localdate()}
    if event_id := request.GET.get("event"):
        if not event_id.isdigit():
            raise Http404("No such event")
        event = get_object_or_404(selectors.champion_booked_events(champion), pk=event_id)
        initial = selectors.activity_initial_for_event(event)
    form = ActivityLogForm(request.POST or None, initial=initial, champion=champion)
    if request.method == "POST" and form.is_valid():
        try:
            log = services.activity_log_submit(champion=champion, **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Thank you. Your activity is logged and waiting for review.")
            return redirect("activity:detail", pk=log.pk)
    return render(
        request, "champions/activity/form.html", {"form": form, "champion": champion, "log": None}
    )


@login_required
def activity_detail(request, pk):
    log = _own_log(request, pk)
    return render(
        request,
        "champions/activity/detail.html",
        {"log": log, "claims": log.expense_claims.all()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    log = _own_log(request, pk)
    if not log.is_open:
        messages.warning(request, services.REVIEWED)
        return redirect("activity:detail", pk=log.pk)
    form = ActivityLogForm(request.POST or None, instance=log, champion=log.champion)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_log_update(log=log, changed_by=request.user, **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Your changes are saved and waiting for review.")
            return redirect("activity:detail", pk=log.pk)
    return render(
        request,
        "champions/activity/form.html",
        {"form": form, "champion": log.champion, "log": log},
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_withdraw(request, pk):
    log = _own_log(request, pk)
    if not log.is_open:
        messages.warning(request, services.REVIEWED)
        return redirect("activity:detail", pk=log.pk)
    if request.method == "POST":
        services.activity_log_withdraw(log=log)
        messages.success(request, "Your entry has been withdrawn.")
        return redirect("activity:list")
    return render(request, "champions/activity/withdraw.html", {"object": log, "kind": "activity"})


@login_required
def expense_list(request):
    champion = champion_for_request(request)
    page = Paginator(selectors.champion_expense_claims(champion), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "champions/activity/expense_list.html",
        {"champion": champion, "page": page, "totals": selectors.expense_totals(champion)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def expense_create(request):
    champion = champion_for_request(request)
    initial = {"date": timezone.localdate()}
    if activity_id := request.GET.get("activity"):
        if not activity_id.isdigit():
            raise Http404("No such activity")
        log = get_object_or_404(champion.activity_logs, pk=activity_id)
        initial = {"date": log.date, "activity": log.pk}
    form = ExpenseClaimForm(
        request.POST or None, request.FILES or None, initial=initial, champion=champion
    )
    if request.method == "POST" and form.is_valid():
        try:
            claim = services.expense_claim_submit(champion=champion, **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Thank you. Your claim is sent and waiting for review.")
            return redirect("activity:expense_detail", pk=claim.pk)
    return render(request, "champions/activity/expense_form.html", {"form": form, "claim": None})


@login_required
def expense_detail(request, pk):
    return render(
        request, "champions/activity/expense_detail.html", {"claim": _own_claim(request, pk)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def expense_edit(request, pk):
    claim = _own_claim(request, pk)
    if not claim.is_open:
        messages.warning(request, services.REVIEWED)
        return redirect("activity:expense_detail", pk=claim.pk)
    form = ExpenseClaimForm(
        request.POST or None, request.FILES or None, instance=claim, champion=claim.champion
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.expense_claim_update(
                claim=claim, changed_by=request.user, **form.service_kwargs()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Your changes are saved and waiting for review.")
            return redirect("activity:expense_detail", pk=claim.pk)
    return render(request, "champions/activity/expense_form.html", {"form": form, "claim": claim})


@login_required
@require_http_methods(["GET", "POST"])
def expense_withdraw(request, pk):
    claim = _own_claim(request, pk)
    if not claim.is_open:
        messages.warning(request, services.REVIEWED)
        return redirect("activity:expense_detail", pk=claim.pk)
    if request.method == "POST":
        services.expense_claim_withdraw(claim=claim)
        messages.success(request, "Your claim has been withdrawn.")
        return redirect("activity:expenses")
    return render(request, "champions/activity/withdraw.html", {"object": claim, "kind": "claim"})


@login_required
def expense_receipt(request, pk):
    return receipt_response(_own_claim(request, pk))
