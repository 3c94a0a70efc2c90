"""The champion's supervisions: dates, the next one, and their own reflection on each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..forms.supervision import ReflectionForm
from ..models import SupervisionNote
from ..selectors.supervision import supervisions_of
from ..services.supervision import supervision_reflect


@login_required
def supervisions(request):
    champion = champion_for_request(request)
    return render(
        request,
        "champions/supervisions.html",
        {"champion": champion, "supervisions": supervisions_of(champion)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def reflection(request, pk):
    champion = champion_for_request(request)
    supervision = get_object_or_404(SupervisionNote, pk=pk, champion=champion)
    existing = getattr(supervision, "reflection", None)
    data = request.POST if request.method == "POST" else None
    form = ReflectionForm(data, instance=existing)
    if request.method == "POST" and form.is_valid():
        supervision_reflect(supervision=supervision, by=request.user, **form.cleaned_data)
        messages.success(request, "Thank you: your coordinator will read your reflection.")
        return redirect("champions:supervisions")
    context = {"champion": champion, "supervision": supervision, "form": form}
    status = 400 if form.errors else 200
    return render(request, "champions/reflection_form.html", context, status=status)
