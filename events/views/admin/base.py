"""The base of staff screens about one event, reached from the events listing."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.admin_denied import AdminRefusesWith403Mixin

from ...models import Event


class EventActionView(AdminRefusesWith403Mixin, WagtailAdminTemplateMixin, TemplateView):
    """Base for screens about one event, reached from the events listing."""

    index_url_name = ""
    edit_url_name = ""
    header_icon = "date"
    write_permission = "events.change_event"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_event"):
            raise PermissionDenied
        if request.method == "POST" and not self.can_write():
            raise PermissionDenied
        self.event = get_object_or_404(
            Event.objects.select_related("area", "training_module"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def can_write(self):
        return self.request.user.has_perm(self.write_permission)

    def get_page_subtitle(self):
        return str(self.event)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Events"},
            {"url": reverse(self.edit_url_name, args=[self.event.pk]), "label": str(self.event)},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, can_write=self.can_write(), **kwargs)
