"""The base of the champions app's own admin screens (a form beside a viewset)."""

from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


class AdminFormView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form screen in the admin: needs the model permission, posts to itself.

    `parents` are the breadcrumbs between the admin home and this screen: (url, label) pairs.
    """

    submit_button_label = ""

    def get_parents(self) -> list[tuple[str, str]]:
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *({"url": url, "label": label} for url, label in self.get_parents()),
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path, submit_button_label=self.submit_button_label, **kwargs
        )
