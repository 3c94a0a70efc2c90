"""Champions' own expense pages: claim an expense, "My expenses", the receipt they sent."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..forms.expenses import ExpenseClaimForm
from ..models import ExpenseClaim
from ..selectors import expenses as selectors
from ..services import expenses as services
from ..uploads import receipt_response
from .entries import PAGE_SIZE, EntryPages
from .logging_stage import logging_stage_required

PAGES = EntryPages(
    kind="claim",
    detail="activity:expense_detail",
    listing="activity:expenses",
    template="champions/activity/expense_form.html",
    submitted="Thank you. Your claim is sent and waiting for review.",
    withdrawn="Your claim has been withdrawn.",
)


def _own_claim(request, pk):
    return get_object_or_404(
        ExpenseClaim.objects.select_related("activity"),
        pk=pk,
        champion=champion_for_request(request),
    )


@login_required
@logging_stage_required
def expense_list(request):
    champion = champion_for_request(request)
    page = Paginator(selectors.expense_claims_for(champion), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "champions/activity/expense_list.html",
        {"champion": champion, "page": page, "totals": selectors.expense_claims_totals(champion)},
    )


@login_required
@logging_stage_required
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
    save = partial(services.expense_claim_submit, champion=champion)
    return PAGES.form_page(request, form, save, {"claim": None})


@login_required
@logging_stage_required
def expense_detail(request, pk):
    return render(
        request, "champions/activity/expense_detail.html", {"claim": _own_claim(request, pk)}
    )


@login_required
@logging_stage_required
@require_http_methods(["GET", "POST"])
def expense_edit(request, pk):
    claim = _own_claim(request, pk)
    form = ExpenseClaimForm(
        request.POST or None, request.FILES or None, instance=claim, champion=claim.champion
    )
    save = partial(services.expense_claim_update, claim=claim, changed_by=request.user)
    return PAGES.edit_page(request, claim, form, save, {"claim": claim})


@login_required
@logging_stage_required
@require_http_methods(["GET", "POST"])
def expense_withdraw(request, pk):
    entry = _own_claim(request, pk)
    return PAGES.withdraw_page(
        request, entry, partial(services.expense_claim_withdraw, claim=entry)
    )


@login_required
@logging_stage_required
def expense_receipt(request, pk):
    return receipt_response(_own_claim(request, pk))
