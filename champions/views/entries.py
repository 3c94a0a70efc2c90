"""What the champion's activity and expense pages share: saving a form through a service,
refusing changes once reviewed, and withdrawing an entry."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from ..services.reviews import REVIEWED

PAGE_SIZE = 25
CHANGED = "Your changes are saved and waiting for review."


def add_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form, against the field it names where it can."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@dataclass(frozen=True)
class EntryPages:
    """One kind of entry's pages: where they are and what they say."""

    kind: str  # "activity" or "claim", as the withdraw page words it
    detail: str  # URL names
    listing: str
    template: str  # the form page
    submitted: str  # messages
    withdrawn: str

    def form_page(self, request, form, save, context):
        """On a valid POST, `save(**data)` and go to what it returns; else show the form."""
        if request.method == "POST" and form.is_valid():
            try:
                entry = save(**form.service_kwargs())
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, CHANGED if form.instance.pk else self.submitted)
                return redirect(self.detail, pk=entry.pk)
        return render(request, self.template, {"form": form, **context})

    def edit_page(self, request, entry, form, save, context):
        """The form page for an entry, which a reviewed entry no longer has."""
        return self._reviewed(request, entry) or self.form_page(request, form, save, context)

    def withdraw_page(self, request, entry, withdraw):
        """Confirm, then withdraw an entry not yet reviewed (`withdraw()` does it)."""
        if refused := self._reviewed(request, entry):
            return refused
        if request.method == "POST":
            withdraw()
            messages.success(request, self.withdrawn)
            return redirect(self.listing)
        context = {"object": entry, "kind": self.kind}
        return render(request, "champions/activity/withdraw.html", context)

    def _reviewed(self, request, entry):
        if entry.is_open:
            return None
        messages.warning(request, REVIEWED)
        return redirect(self.detail, pk=entry.pk)
