"""Public consultation pages: "Have your say" (open consultations) and answering one, no account
needed."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from ..forms.consultations import ConsultationAnswerForm
from ..selectors.consultations import consultation_for_answering, consultations_open
from ..services.consultations import consultation_rate_limited, consultation_response_submit


def have_your_say(request):
    return render(
        request, "events/consultations/list.html", {"consultations": consultations_open()}
    )


def _closed(request, consultation, status=200):
    return render(
        request, "events/consultations/closed.html", {"consultation": consultation}, status=status
    )


@never_cache
def consultation_answer(request, slug):
    consultation = consultation_for_answering(slug)
    if not consultation.is_open():
        return _closed(request, consultation, status=410 if request.method == "POST" else 200)
    data = request.POST if request.method == "POST" else None
    form = ConsultationAnswerForm(data, consultation=consultation)
    if request.method == "POST":
        client = request.META.get("REMOTE_ADDR", "")
        if consultation_rate_limited(consultation=consultation, client=client):
            return render(
                request,
                "events/consultations/slow_down.html",
                {"consultation": consultation},
                status=429,
            )
        if form.is_spam:
            # Look like success so a bot learns nothing; nothing is stored.
            return redirect("consultations:thanks", slug=consultation.slug)
        if form.is_valid():
            try:
                consultation_response_submit(consultation=consultation, answers=form.answers())
            except ValidationError:
                return _closed(request, consultation, status=410)
            return redirect("consultations:thanks", slug=consultation.slug)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "events/consultations/answer.html",
        {"consultation": consultation, "form": form},
        status=status,
    )


def consultation_thanks(request, slug):
    consultation = consultation_for_answering(slug)
    return render(request, "events/consultations/thanks.html", {"consultation": consultation})
