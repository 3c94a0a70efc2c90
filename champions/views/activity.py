"""Champions' own activity pages: log an activity, "My activity", change or withdraw an entry."""

import datetime
from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..forms.activity import ActivityLogForm
from ..models import ActivityLog
from ..selectors import activity as selectors
from ..services import activity as services
from .entries import PAGE_SIZE, EntryPages
from .logging_stage import logging_stage_required

PAGES = EntryPages(
    kind="activity",
    detail="activity:detail",
    listing="activity:list",
    template="champions/activity/form.html",
    submitted="Thank you. Your activity is logged and waiting for review.",
    withdrawn="Your entry has been withdrawn.",
)


def _own_log(request, pk):
    return get_object_or_404(
        ActivityLog.objects.select_related("event").prefetch_related("protective_factors"),
        pk=pk,
        champion=champion_for_request(request),
    )


def _month(value: str | None) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


@login_required
@logging_stage_required
def activity_list(request):
    champion = champion_for_request(request)
    month = _month(request.GET.get("month"))
    page = Paginator(selectors.activity_logs_for(champion, month=month), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "champions/activity/list.html",
        {
            "champion": champion,
            "page": page,
            "month": month,
            "page_query": f"month={month:%Y-%m}&" if month else "",
            "months": selectors.activity_log_months_for(champion),
            "totals": selectors.activity_hours_approved_totals(champion),
            "reached": selectors.activity_people_reached(champion),
        },
    )


@login_required
@logging_stage_required
@require_http_methods(["GET", "POST"])
def activity_create(request):
    champion = champion_for_request(request)
    initial = {"date": timezone.localdate()}
    if event_id := request.GET.get("event"):
        if not event_id.isdigit():
            raise Http404("No such event")
        event = get_object_or_404(selectors.activity_log_event_choices(champion), pk=event_id)
        initial = selectors.activity_log_initial_for_event(event)
    form = ActivityLogForm(request.POST or None, initial=initial, champion=champion)
    save = partial(services.activity_log_submit, champion=champion)
    return PAGES.form_page(request, form, save, {"champion": champion, "log": None})


@login_required
@logging_stage_required
def activity_detail(request, pk):
    log = _own_log(request, pk)
    return render(
        request,
        "champions/activity/detail.html",
        {"log": log, "claims": log.expense_claims.all()},
    )


@login_required
@logging_stage_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    log = _own_log(request, pk)
    form = ActivityLogForm(request.POST or None, instance=log, champion=log.champion)
    save = partial(services.activity_log_update, log=log, changed_by=request.user)
    return PAGES.edit_page(request, log, form, save, {"champion": log.champion, "log": log})


@login_required
@logging_stage_required
@require_http_methods(["GET", "POST"])
def activity_withdraw(request, pk):
    entry = _own_log(request, pk)
    return PAGES.withdraw_page(request, entry, partial(services.activity_log_withdraw, log=entry))
