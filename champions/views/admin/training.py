"""The staff screen that records one module completed by many champions on a date."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from ...forms.training import BulkCompletionForm
from ...models import TrainingRecord
from ...services.training import training_completions_record
from .base import AdminFormView


class BulkCompletionView(AdminFormView):
    """One screen to record that many champions completed a module on a date."""

    model = TrainingRecord
    permission_required = "add"
    template_name = "champions/admin/bulk_completions.html"
    page_title = "Record training completions"
    header_icon = "tick"
    form_class = BulkCompletionForm
    submit_button_label = "Record completions"

    def get_parents(self):
        return [(reverse("champions_trainingrecord:index"), "Training records")]

    def get_initial(self):
        return {"completed_on": timezone.localdate()}

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
