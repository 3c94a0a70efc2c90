"""What the events app's pages share: the champion guard, .ics responses, going back."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from champions.access import champion_for_request


def champion_required(view):
    """Signed in with a champion profile; anyone else (staff included) gets a 404."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, champion_for_request(request), *args, **kwargs)

    return wrapper


def ics_response(content: bytes, filename: str, *, download: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def back(request, default: str) -> HttpResponseRedirect:
    """Back to the page the form was on (`next`, a path on this site), else to `default`.

    `next` is used as a URL, never as a view name to reverse: anything but a path on this site
    (`abc`, `//elsewhere`, `javascript:`) goes to `default`.
    """
    target = request.POST.get("next", "")
    on_this_site = url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(target if on_this_site and target.startswith("/") else default)
