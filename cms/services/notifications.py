"""E-mail to staff about the public site (stories taken down)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string

from accounts.models import COORDINATORS


def staff_notification_recipients() -> list[str]:
    """STAFF_NOTIFICATION_EMAIL if set, else every active coordinator."""
    if settings.STAFF_NOTIFICATION_EMAIL:
        return [settings.STAFF_NOTIFICATION_EMAIL]
    return list(
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .values_list("email", flat=True)
        .distinct()
    )


def stories_unpublished_notify_staff(*, stories) -> None:
    """Tell staff which stories came down because consent was withdrawn or expired."""
    recipients = staff_notification_recipients()
    if not recipients:
        return
    body = render_to_string("cms/email/stories_unpublished.txt", {"stories": stories})
    send_mail(
        f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} unpublished: consent withdrawn",
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )
