"""The champion confirms they have read the current safeguarding policy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ..access import champion_for_request
from ..services.safeguarding import policy_confirm


@login_required
@require_POST
def confirm_policy(request):
    champion = champion_for_request(request)
    try:
        policy_confirm(champion=champion, version=request.POST.get("version", ""), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Thank you for reading the safeguarding policy.")
    return redirect("champions:dashboard")
