"""Cancelling an event with a reason; everyone booked is told by e-mail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from ...choices import EventStatus, RegistrationStatus
from ...forms.events import CancelEventForm
from ...models import Registration
from ...services.events import event_cancel
from .base import EventActionView


class CancelEventView(EventActionView):
    """Cancel an event with a reason; everyone booked is told by e-mail."""

    page_title = "Cancel event"
    template_name = "events/admin/cancel_event.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=CancelEventForm()))

    def post(self, request, *args, **kwargs):
        form = CancelEventForm(request.POST)
        if form.is_valid():
            try:
                event_cancel(event=self.event, reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, f"“{self.event.title}” is cancelled; everyone booked is being told."
                )
                return redirect(self.index_url_name)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["already_cancelled"] = self.event.status == EventStatus.CANCELLED
        context["booked"] = Registration.objects.filter(
            event=self.event, status=RegistrationStatus.BOOKED
        ).count()
        return context
