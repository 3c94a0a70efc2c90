"""The champion's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import champion_for_request
from ..forms.profile import ProfileForm
from ..models import Champion
from ..services.journey import champion_profile_update


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    champion = champion_for_request(request)
    # The form validates a copy: the service compares against the saved values and audits.
    form = ProfileForm(request.POST or None, instance=Champion.objects.get(pk=champion.pk))
    if request.method == "POST" and form.is_valid():
        champion_profile_update(champion=champion, by=request.user, **form.cleaned_data)
        messages.success(request, "Your details have been saved.")
        return redirect("champions:dashboard")
    return render(request, "champions/profile_form.html", {"form": form, "champion": champion})
