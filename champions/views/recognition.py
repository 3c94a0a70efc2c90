"""The champion chooses whether a thank-you appears on their public stories."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ..access import champion_for_request
from ..models import Commendation
from ..services.recognition import commendation_publicity_set


@login_required
@require_POST
def commendation_public(request, pk):
    champion = champion_for_request(request)
    commendation = get_object_or_404(Commendation, pk=pk, champion=champion)
    public = request.POST.get("public") == "yes"
    commendation_publicity_set(commendation=commendation, public=public)
    if public:
        messages.success(
            request, "This thank-you now shows, with your first name, on your stories."
        )
    else:
        messages.success(request, "This thank-you no longer shows on your stories.")
    return redirect("champions:dashboard")
