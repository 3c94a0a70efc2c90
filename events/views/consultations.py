"""Consultation pages: "Have your say" (open consultations) and answering one, no account
needed; and champions entering responses they collected on paper or face to face."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from champions.choices import Stage

from ..forms.consultations import ConsultationAnswerForm, PaperResponseForm
from ..selectors.consultations import (
    consultation_events_for_paper,
    consultation_for_answering,
    consultation_public_results,
    consultation_published,
    consultations_open,
    consultations_with_results,
    paper_responses_count,
)
from ..services.consultations import consultation_rate_limited, consultation_response_submit
from .base import champion_required


def have_your_say(request):
    context = {"consultations": consultations_open(), "with_results": consultations_with_results()}
    return render(request, "events/consultations/list.html", context)


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


@champion_required
def paper_response_enter(request, champion, slug):
    """An active champion types in a response collected on paper or face to face."""
    if champion.stage != Stage.ACTIVE:
        raise PermissionDenied("Only active champions enter responses.")
    consultation = consultation_for_answering(slug)
    if not consultation.is_open():
        return _closed(request, consultation, status=410 if request.method == "POST" else 200)
    data = request.POST if request.method == "POST" else None
    events = consultation_events_for_paper(consultation, champion)
    form = PaperResponseForm(data, consultation=consultation, events=events)
    if form.is_valid():
        try:
            consultation_response_submit(
                consultation=consultation,
                answers=form.answers(),
                channel=form.cleaned_data["channel"],
                entered_by=champion,
                where=form.cleaned_data["where"],
                event=form.cleaned_data.get("event"),
            )
        except ValidationError:
            return _closed(request, consultation, status=410)
        messages.success(request, "Response saved. Thank you: you can enter the next one now.")
        return redirect("consultations:paper", slug=consultation.slug)
    return render(
        request,
        "events/consultations/paper.html",
        {"consultation": consultation, "form": form, "entered": paper_responses_count(champion)},
        status=400 if form.is_bound else 200,
    )


def consultation_results_public(request, slug):
    """What parents said, as staff chose to publish it: never a count under 5, no free text
    unless staff approved that answer."""
    consultation = consultation_published(slug)
    results, quotes = consultation_public_results(consultation)
    return render(
        request,
        "events/consultations/results.html",
        {"consultation": consultation, "results": results, "quotes": quotes},
    )
