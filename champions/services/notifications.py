"""E-mail to champions, only when they have current consent to be contacted by e-mail."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from ..choices import ConsentKind
from ..models import Consent


def email_champion(
    *, champion, subject: str, template: str, context: dict, attachments=(), connection=None
) -> bool:
    """Send `template` (plain text) to the champion; returns False (sends nothing) without consent.

    `attachments` is a sequence of (filename, content, mimetype); pass an open `connection`
    to send many messages over one SMTP session.
    """
    if not Consent.objects.has_current(champion, ConsentKind.CONTACT_EMAIL):
        return False
    body = render_to_string(template, {"champion": champion, **context})
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [champion.user.email], connection=connection
    )
    for attachment in attachments:
        message.attach(*attachment)
    message.send()
    return True
