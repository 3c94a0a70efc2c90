"""The champion's dashboard with "My journey"."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ..access import champion_for_request
from ..selectors.journey import champion_journey
from ..selectors.recognition import champion_recognition
from ..selectors.safeguarding import safeguarding_policy_to_confirm
from ..selectors.welcome import champion_welcome


@login_required
def dashboard(request):
    champion = champion_for_request(request)
    journey = champion_journey(champion, timezone.localdate())
    context = {
        "champion": journey.champion,
        "journey": journey,
        "welcome": champion_welcome(journey.champion),
        "policy": safeguarding_policy_to_confirm(journey.champion),
        "recognition": champion_recognition(journey.champion),
    }
    return render(request, "champions/dashboard.html", context)
