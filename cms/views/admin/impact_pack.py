"""The quarterly impact pack in the admin: ask for one, download the ones ready (private files,
served only to staff, never cached)."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.admin_denied import AdminRefusesWith403Mixin, refuses_with_403
from accounts.storage import private_storage
from champions.models import Area

from ...services.impact_pack import FOLDER, impact_pack_request, impact_packs_ready

PERMISSION = "champions.view_activitylog"


def _quarters(today: datetime.date, count: int = 8) -> list[tuple[str, str]]:
    first = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    choices = []
    for _ in range(count):
        choices.append((first.isoformat(), f"Q{(first.month - 1) // 3 + 1} {first.year}"))
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        first = first.replace(month=(first.month - 1) // 3 * 3 + 1)
    return choices


class ImpactPackForm(forms.Form):
    quarter = forms.ChoiceField(choices=())
    area = forms.ModelChoiceField(
        queryset=Area.objects.all(), required=False, empty_label="The whole programme", label="Ward"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = _quarters(timezone.localdate())


class ImpactPackView(AdminRefusesWith403Mixin, WagtailAdminTemplateMixin, FormView):
    """Ask for a quarter's impact pack; list the packs ready to download."""

    page_title = "Quarterly impact pack"
    header_icon = "doc-full"
    template_name = "cms/admin/impact_pack.html"
    form_class = ImpactPackForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        quarter = datetime.date.fromisoformat(form.cleaned_data["quarter"])
        impact_pack_request(quarter=quarter, area=form.cleaned_data["area"], user=self.request.user)
        messages.success(
            self.request, "The impact pack is being made. We will e-mail you when it is ready."
        )
        return redirect("cms_impact_pack")

    def get_context_data(self, **kwargs):
        return super().get_context_data(packs=impact_packs_ready(), **kwargs)


@refuses_with_403
@never_cache
def impact_pack_download(request, name):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if "/" in name or not name.endswith(".pdf") or name not in impact_packs_ready():
        raise Http404
    return FileResponse(
        private_storage.open(f"{FOLDER}/{name}", "rb"),
        as_attachment=True,
        filename=f"impact-pack-{name}",
        content_type="application/pdf",
    )


class ImpactPackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def impact_pack_urls():
    return [
        path("impact-pack/", ImpactPackView.as_view(), name="cms_impact_pack"),
        path("impact-pack/<str:name>", impact_pack_download, name="cms_impact_pack_download"),
    ]


def impact_pack_menu_item():
    return ImpactPackMenuItem(
        "Quarterly impact pack", reverse("cms_impact_pack"), icon_name="doc-full", order=860
    )
