"""Content-Security-Policy by area of the site: strict everywhere, looser in Wagtail's admin."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


class AreaCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, applying ADMIN_CONTENT_SECURITY_POLICY under the admin's path.

    A view that sets its own policy (django-csp's decorators) still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(reverse("wagtailadmin_home"))
        ):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
