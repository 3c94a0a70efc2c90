"""Who the signed-in champion is: every champion page looks its records up through this."""

from django.http import Http404

from .models import Champion


def champion_for_request(request) -> Champion:
    """The signed-in user's champion profile; anyone without one (staff included) gets a 404."""
    champion = getattr(request.user, "champion", None)
    if champion is None:
        raise Http404("No champion profile")
    return champion
