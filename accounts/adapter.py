from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Sends staff to the Wagtail admin and champions to their dashboard after signing in."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        if url == reverse("champions:dashboard") and request.user.is_staff:
            return reverse("wagtailadmin_home")
        return url
