"""The weekly digest in the admin, rendered on demand: staff read it even when no scheduler ran."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.admin_denied import AdminRefusesWith403Mixin

from ...services.digest import coordinator_digest_body, coordinator_digest_last_sent


class WeeklyDigestView(AdminRefusesWith403Mixin, WagtailAdminTemplateMixin, TemplateView):
    """This week's coordinators' digest as it reads now, and when the last one was sent."""

    page_title = "Weekly digest"
    header_icon = "mail"
    template_name = "events/admin/weekly_digest.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_event"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            body=coordinator_digest_body(today=timezone.localdate()),
            last_sent=coordinator_digest_last_sent(user=self.request.user),
            **kwargs,
        )


class WeeklyDigestMenuItem(MenuItem):
    """ "Weekly digest" in the Reports menu, for staff who may see events."""

    def is_shown(self, request):
        return request.user.has_perm("events.view_event")


def weekly_digest_urls():
    return [path("digest/", WeeklyDigestView.as_view(), name="events_weekly_digest")]


def weekly_digest_menu_item():
    return WeeklyDigestMenuItem(
        "Weekly digest", reverse("events_weekly_digest"), icon_name="mail", order=900
    )
