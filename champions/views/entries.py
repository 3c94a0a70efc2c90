"""What the champion's activity and expense pages share: saving a form through a service,
refusing changes once reviewed, and withdrawing an entry."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from ..services.reviews import REVIEWED

PAGE_SIZE = 25


def add_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form, against the field it names where it can."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def save_form(request, form, save, *, success: str, detail: str):
    """On a valid POST, call `save(data)`; then redirect to `detail` for what it returns.

    Returns the redirect, or None when the form is to be shown (again).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        entry = save(form.service_kwargs())
    except ValidationError as error:
        add_errors(form, error)
        return None
    messages.success(request, success)
    return redirect(detail, pk=entry.pk)


def reviewed_redirect(request, entry, detail: str):
    """A reviewed entry can no longer change: back to its page with a warning (else None)."""
    if entry.is_open:
        return None
    messages.warning(request, REVIEWED)
    return redirect(detail, pk=entry.pk)


def withdraw_page(request, entry, *, withdraw, kind: str, detail: str, listing: str, done: str):
    """Confirm, then withdraw an entry not yet reviewed."""
    if refused := reviewed_redirect(request, entry, detail):
        return refused
    if request.method == "POST":
        withdraw(entry)
        messages.success(request, done)
        return redirect(listing)
    return render(request, "champions/activity/withdraw.html", {"object": entry, "kind": kind})
