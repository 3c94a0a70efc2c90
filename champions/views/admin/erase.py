"""The staff screen that erases a champion's personal details (coordinators only)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from ...forms.privacy import StaffEraseForm
from ...models import Champion
from ...services.privacy import champion_anonymise
from .base import AdminFormView


class EraseChampionView(AdminFormView):
    """Erase a champion on their request (by phone, letter): needs `erase_champion` and a
    reason; the audit entry records who and why, but not whom."""

    model = Champion
    permission_required = "erase"
    template_name = "champions/admin/erase.html"
    page_title = "Erase personal details"
    header_icon = "bin"
    form_class = StaffEraseForm
    submit_button_label = "Erase their details"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Champion.objects.filter(anonymised_at__isnull=True), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_parents(self):
        return [
            (reverse("champions_champion:index"), "Champions"),
            (reverse("champions_champion:inspect", args=[self.object.pk]), str(self.object)),
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def form_valid(self, form):
        champion_anonymise(
            champion=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(self.request, "Their personal details have been erased.")
        return redirect("champions_champion:index")
