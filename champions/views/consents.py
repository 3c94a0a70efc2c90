"""The champion's consents: give or withdraw each kind, with the wording they agree to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..choices import ConsentKind
from ..forms.consents import ConsentForm
from ..models import Consent
from ..services.consents import consent_give, consent_withdraw
from ..wording import consent_wording


@login_required
@require_http_methods(["GET", "POST"])
def consents(request):
    champion = champion_for_request(request)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            kind = ConsentKind(form.cleaned_data["kind"])
            if form.cleaned_data["action"] == ConsentForm.GIVE:
                consent_give(
                    champion=champion,
                    kind=kind,
                    wording_version=consent_wording(kind).version,
                    by=request.user,
                )
                messages.success(request, f"Thank you: you have given consent to “{kind.label}”.")
            elif consent_withdraw(champion=champion, kind=kind, by=request.user):
                messages.success(request, f"You have withdrawn consent to “{kind.label}”.")
            else:
                messages.info(request, f"You had not given consent to “{kind.label}”.")
            return redirect("champions:consents")
        messages.error(request, "That choice was not recognised: please try again.")
    current = Consent.objects.current_for(champion)
    rows = [
        {"kind": kind, "statement": consent_wording(kind).statement, "current": current.get(kind)}
        for kind in ConsentKind
    ]
    return render(request, "champions/consents.html", {"champion": champion, "rows": rows})
