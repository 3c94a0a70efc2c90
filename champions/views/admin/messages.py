"""The coordinator's group-message screens: compose, preview and send; a message's page."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.views import generic

from accounts.admin_denied import AdminRefusesWith403Mixin
from accounts.choices import OutboxStatus

from ...forms.messages import ChosenChampions, GroupMessageForm
from ...models import GroupMessage
from ...selectors.messages import (
    group_message_preview,
    group_message_statuses,
    group_message_totals,
)
from ...services.messages import group_message_create
from .base import AdminFormView

PER_PAGE = 50


class ComposeMessageView(AdminRefusesWith403Mixin, AdminFormView):
    """Compose, then preview (counts, who is left out and why, a sample), then send once.

    Needs `send_groupmessage`; champions picked on the champions listing arrive as ?id=…
    """

    model = GroupMessage
    permission_required = "send"
    template_name = "champions/admin/message_compose.html"
    page_title = "Send a message"
    header_icon = "mail"
    form_class = GroupMessageForm
    submit_button_label = "Preview"

    def get_parents(self):
        return [(reverse("champions_groupmessage:index"), "Messages")]

    def get_initial(self):
        return {"token": uuid.uuid4(), "channel": GroupMessage.ChannelChoice.PREFERRED}

    def get(self, request, *args, **kwargs):
        ids = request.GET.getlist("id")
        if not ids:
            return super().get(request, *args, **kwargs)
        form = self.get_form()
        try:
            chosen = ChosenChampions().clean(ids)
        except ValidationError as error:
            form.initial["chosen"] = []
            context = self.get_context_data(form=form, chosen_error=" ".join(error.messages))
            return self.render_to_response(context, status=400)
        form.initial["chosen"] = [champion.pk for champion in chosen]
        return self.render_to_response(self.get_context_data(form=form, chosen=list(chosen)))

    def get_context_data(self, **kwargs):
        form = kwargs.get("form")
        if "chosen" not in kwargs and form is not None and form.is_bound:
            kwargs["chosen"] = list(form.cleaned_data.get("chosen") or [])
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        message = form.save(commit=False)
        chosen = list(form.cleaned_data["chosen"])
        if "send" not in self.request.POST:
            preview = group_message_preview(message, [c.pk for c in chosen])
            context = self.get_context_data(form=form, preview=preview, message=message)
            return self.response_class(
                self.request, "champions/admin/message_preview.html", context
            )
        message = group_message_create(
            message=message, chosen=chosen, token=form.cleaned_data["token"], by=self.request.user
        )
        messages.success(self.request, f"“{message}” is being sent.")
        return redirect("champions_groupmessage:inspect", message.pk)

    def post(self, request, *args, **kwargs):
        if "change" in request.POST:
            form = self.get_form()
            form.is_valid()
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)


class GroupMessageInspectView(generic.InspectView):
    """A sent message: what it said, totals per status, and each recipient's status."""

    template_name = "champions/admin/message_inspect.html"
    fields = ["subject", "body", "channel", "created_by", "created_at", "sent_at"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        totals = group_message_totals(self.object)
        page = Paginator(group_message_statuses(self.object), PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            page_obj=page,
            rows=list(page.object_list),
            totals=[(label, totals.get(value, 0)) for value, label in OutboxStatus.choices],
        )
        return context


def compose_url(ids) -> str:
    query = "&".join(f"id={pk}" for pk in ids)
    return reverse("champions_groupmessage:compose") + (f"?{query}" if query else "")
