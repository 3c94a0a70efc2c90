from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse

from .selectors import user_has_second_factor, user_is_staff


class StaffSecondFactorMiddleware:
    """Under STAFF_MFA_REQUIRED, no Wagtail admin page is served to staff whose account has no
    second factor yet: they are sent to set one up (allauth's two-factor page) first.

    allauth then asks for the second factor at every sign-in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.STAFF_MFA_REQUIRED
            and request.path_info.startswith(reverse("wagtailadmin_home"))
            and user_is_staff(request.user)
            and not user_has_second_factor(request.user)
        ):
            messages.info(
                request,
                "Staff accounts need a second step to sign in. Set up an authenticator app "
                "(or a security key), then go back to the staff admin.",
            )
            return redirect("mfa_index")
        return self.get_response(request)


class StaffAreaMiddleware:
    """A signed-in user who may not use the Wagtail admin (a champion) gets a page saying the
    admin is for programme staff, with a link to their dashboard.

    Without it Wagtail sends them to the login page, which sends a signed-in user straight back
    to `?next=/admin/`: a redirect loop.
    """

    template_name = "accounts/staff_area_only.html"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(reverse("wagtailadmin_home"))
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            context = {"dashboard_url": resolve_url(settings.LOGIN_REDIRECT_URL)}
            return render(request, self.template_name, context, status=403)
        return self.get_response(request)
