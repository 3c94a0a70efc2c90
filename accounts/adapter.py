import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.urls import reverse

from .models import User
from .services.outbox import outbox_message_queue
from .site import site_name, site_root_url


class AccountAdapter(DefaultAccountAdapter):
    """Sends staff to the Wagtail admin and champions to their dashboard after signing in, and
    writes every account e-mail to the outbox."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        if url == reverse("champions:dashboard") and request.user.is_staff:
            return reverse("wagtailadmin_home")
        return url

    def send_mail(self, template_prefix, email, context_data):
        # Rendered here, delivered by a worker from the outbox: an SMTP server or broker that is
        # down never fails the request, and every sign-up answer (new address or known one)
        # sends its one e-mail the same way, so the reply time does not tell them apart.
        request = context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                **context_data,
                # Last, over allauth's own: e-mails name this site and its configured address
                # (the Wagtail Site), never the Sites framework's "example.com".
                "current_site": SimpleNamespace(
                    name=site_name(), domain=urlsplit(site_root_url()).netloc
                ),
            },
        )
        html = next(
            (c for c, mime in getattr(message, "alternatives", []) if mime == "text/html"), ""
        )
        what = template_prefix.rsplit("/", 1)[-1]
        outbox_message_queue(
            key=f"accounts.email.{uuid.uuid4().hex}.{what}"[:200],
            address=email,
            user=User.objects.filter(email__iexact=email).first(),
            subject=message.subject,
            body=message.body if message.content_subtype != "html" else "",
            html_body=message.body if message.content_subtype == "html" else html,
        )
