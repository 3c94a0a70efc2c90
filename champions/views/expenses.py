"""Champions' own expense pages: claim an expense, "My expenses", the receipt they sent."""

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
from .entries import PAGE_SIZE, reviewed_redirect, save_form, withdraw_page

FORM = "champions/activity/expense_form.html"


def _own_claim(request, pk):
    return get_object_or_404(
        ExpenseClaim.objects.select_related("activity"),
        pk=pk,
        champion=champion_for_request(request),
    )


@login_required
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
    saved = save_form(
        request,
        form,
        lambda data: services.expense_claim_submit(champion=champion, **data),
        success="Thank you. Your claim is sent and waiting for review.",
        detail="activity:expense_detail",
    )
    return saved or render(request, FORM, {"form": form, "claim": None})


@login_required
def expense_detail(request, pk):
    return render(
        request, "champions/activity/expense_detail.html", {"claim": _own_claim(request, pk)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def expense_edit(request, pk):
    claim = _own_claim(request, pk)
    if refused := reviewed_redirect(request, claim, "activity:expense_detail"):
        return refused
    form = ExpenseClaimForm(
        request.POST or None, request.FILES or None, instance=claim, champion=claim.champion
    )
    saved = save_form(
        request,
        form,
        lambda data: services.expense_claim_update(claim=claim, changed_by=request.user, **data),
        success="Your changes are saved and waiting for review.",
        detail="activity:expense_detail",
    )
    return saved or render(request, FORM, {"form": form, "claim": claim})


@login_required
@require_http_methods(["GET", "POST"])
def expense_withdraw(request, pk):
    return withdraw_page(
        request,
        _own_claim(request, pk),
        withdraw=lambda claim: services.expense_claim_withdraw(claim=claim),
        kind="claim",
        detail="activity:expense_detail",
        listing="activity:expenses",
        done="Your claim has been withdrawn.",
    )


@login_required
def expense_receipt(request, pk):
    return receipt_response(_own_claim(request, pk))
