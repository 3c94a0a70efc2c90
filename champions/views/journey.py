"""The champion's dashboard with "My journey"."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ..access import champion_for_request
from ..selectors.journey import champion_journey


@login_required
def dashboard(request):
    champion = champion_for_request(request)
    journey = champion_journey(champion, timezone.localdate())
    return render(
        request, "champions/dashboard.html", {"champion": journey.champion, "journey": journey}
    )
