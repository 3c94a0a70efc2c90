"""The champion's own data: a copy to download, and erasure on request."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..forms.privacy import EraseConfirmForm
from ..selectors.privacy import champion_data_export
from ..services.privacy import champion_anonymise


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
