from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse

from .tasks.accounts import send_account_email


class AccountAdapter(DefaultAccountAdapter):
    """Sends staff to the Wagtail admin and champions to their dashboard after signing in, and
    hands every account e-mail to a background task."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        if url == reverse("champions:dashboard") and request.user.is_staff:
            return reverse("wagtailadmin_home")
        return url

    def send_mail(self, template_prefix, email, context_data):
        # Rendered here, delivered by the task: every sign-up answer (new address or known one)
        # sends its one e-mail the same way, so the reply time does not tell them apart.
        request = context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context_data,
            },
        )
        send_account_email.delay(
            {
                "subject": message.subject,
                "body": message.body,
                "from_email": message.from_email,
                "to": list(message.to),
                "alternatives": [list(a) for a in getattr(message, "alternatives", [])],
                "html": message.content_subtype == "html",
            }
        )
