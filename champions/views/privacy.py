"""The champion's own data: a copy to download, and erasure on request."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..forms.privacy import EraseConfirmForm
from ..selectors.privacy import champion_data_archive
from ..services.privacy import champion_anonymise


@login_required
@never_cache
def my_data(request):
    """A copy of everything held about the signed-in champion: a zip of a JSON file and their
    files (what a subject-access request needs)."""
    champion = champion_for_request(request)
    response = HttpResponse(champion_data_archive(champion), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="my-parent-champions-data.zip"'
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
