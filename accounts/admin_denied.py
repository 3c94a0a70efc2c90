"""A refusal in the staff admin answers 403, not Wagtail's redirect home.

Wagtail turns a `PermissionDenied` raised by an admin view into a redirect to the dashboard
with a message; for a report, a screen or a record the user may not open, the programme
answers 403 with an admin page saying so (the same for every screen that uses this).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

TEMPLATE = "accounts/admin_permission_denied.html"


def admin_permission_denied(request) -> TemplateResponse:
    """The admin's 403 page."""
    return TemplateResponse(request, TEMPLATE, status=403)


def refuses_with_403(view):
    """Wrap an admin view function: a `PermissionDenied` it raises becomes the 403 page."""

    @wraps(view)
    def refusing(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return admin_permission_denied(request)

    return refusing


class AdminRefusesWith403Mixin:
    """For an admin class-based view: a `PermissionDenied` raised anywhere while answering
    (in `setup`, where Wagtail's edit views look the object up, or in `dispatch`) becomes the
    403 page. Wrapping `as_view` catches it before Wagtail's own redirect does."""

    @classmethod
    def as_view(cls, **initkwargs):
        return refuses_with_403(super().as_view(**initkwargs))
