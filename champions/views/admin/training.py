"""The staff screen that records one module completed by many champions on a date."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from ...forms.training import BulkCompletionForm
from ...models import TrainingRecord
from ...services.training import training_completions_record


class BulkCompletionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """One screen to record that many champions completed a module on a date."""

    model = TrainingRecord
    permission_required = "add"
    template_name = "champions/admin/bulk_completions.html"
    page_title = "Record training completions"
    header_icon = "tick"
    form_class = BulkCompletionForm

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("champions_trainingrecord:index"), "label": "Training records"},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return {"completed_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path, submit_button_label="Record completions", **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        records = training_completions_record(
            module=data["module"],
            completed_on=data["completed_on"],
            champions=data["champions"],
            verified_by=self.request.user,
        )
        messages.success(
            self.request,
            f"Recorded “{data['module']}” completed on {data['completed_on']:%-d %B %Y} "
            f"for {len(records)} champion{'s' if len(records) != 1 else ''}.",
        )
        return redirect(reverse("champions_trainingrecord:index") + f"?module={data['module'].pk}")
