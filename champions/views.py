"""The champion's own pages: dashboard with "My journey", profile, consents and PDFs.

Every view looks objects up through the signed-in champion, so another champion's id is a 404.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from . import pdf, services
from .access import champion_for_request
from .choices import ConsentKind
from .forms import CONSENT_STATEMENTS, ConsentForm, EraseConfirmForm, ProfileForm
from .models import Champion, TrainingRecord
from .privacy import champion_anonymise, champion_data_export
from .selectors import champion_journey, champion_transcript_records, consents_current


@login_required
def dashboard(request):
    champion = champion_for_request(request)
    journey = champion_journey(champion, timezone.localdate())
    return render(
        request, "champions/dashboard.html", {"champion": journey.champion, "journey": journey}
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    champion = champion_for_request(request)
    # The form validates a copy: the service compares against the saved values and audits.
    form = ProfileForm(request.POST or None, instance=Champion.objects.get(pk=champion.pk))
    if request.method == "POST" and form.is_valid():
        services.champion_profile_update(champion=champion, by=request.user, **form.cleaned_data)
        messages.success(request, "Your details have been saved.")
        return redirect("champions:dashboard")
    return render(request, "champions/profile_form.html", {"form": form, "champion": champion})


@login_required
@require_http_methods(["GET", "POST"])
def consents(request):
    champion = champion_for_request(request)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            kind = ConsentKind(form.cleaned_data["kind"])
            if form.cleaned_data["action"] == ConsentForm.GIVE:
                services.consent_give(
                    champion=champion,
                    kind=kind,
                    wording_version=settings.CONSENT_WORDING_VERSION,
                    by=request.user,
                )
                messages.success(request, f"Thank you: you have given consent to “{kind.label}”.")
            elif services.consent_withdraw(champion=champion, kind=kind, by=request.user):
                messages.success(request, f"You have withdrawn consent to “{kind.label}”.")
            else:
                messages.info(request, f"You had not given consent to “{kind.label}”.")
            return redirect("champions:consents")
        messages.error(request, "That choice was not recognised: please try again.")
    current = consents_current(champion)
    rows = [
        {"kind": kind, "statement": CONSENT_STATEMENTS[kind], "current": current.get(kind)}
        for kind in ConsentKind
    ]
    return render(request, "champions/consents.html", {"champion": champion, "rows": rows})


@login_required
def certificate(request, pk):
    champion = champion_for_request(request)
    record = get_object_or_404(
        TrainingRecord.objects.select_related("module", "champion"), pk=pk, champion=champion
    )
    if not record.is_valid(timezone.localdate()):
        raise Http404("No current completion of this module")
    filename = f"certificate-{slugify(record.module.title)}.pdf"
    return _pdf_response(pdf.certificate_pdf(record), filename)


@login_required
def transcript(request):
    champion = champion_for_request(request)
    records = champion_transcript_records(champion)
    return _pdf_response(
        pdf.transcript_pdf(champion, records, timezone.localdate()), "training-transcript.pdf"
    )


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_data(request):
    """A copy of everything held about the signed-in champion, as a JSON download."""
    champion = champion_for_request(request)
    response = JsonResponse(
        champion_data_export(champion), json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="my-parent-champions-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    """Ask for one's data to be erased: after confirming, the account is anonymised at once."""
    champion = champion_for_request(request)
    form = EraseConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        champion_anonymise(champion=champion, by=request.user, reason="Asked by the champion")
        logout(request)
        messages.success(
            request,
            "Your details have been removed and your account closed. Thank you for everything "
            "you did as a champion.",
        )
        return redirect("/")
    return render(request, "champions/erase.html", {"form": form, "champion": champion})
