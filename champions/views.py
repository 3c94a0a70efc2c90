from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


@login_required
def dashboard(request):
    champion = getattr(request.user, "champion", None)
    if champion is None:
        raise Http404("No champion profile")
    return render(request, "champions/dashboard.html", {"champion": champion})
