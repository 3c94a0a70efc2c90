"""The coordinators' weekly digest: each app adds its section through a hook, sent once a week."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from accounts.models import COORDINATORS
from accounts.services.outbox import outbox_deliver_after_commit, outbox_message_queue
from accounts.site import absolute_url

# fn(*, today) -> dict for the digest template; each app registers its section.
STAFF_DIGEST = "events_staff_digest"


def digest_key(user_id: int, week_starting: datetime.date) -> str:
    return f"events.digest.{user_id}.{week_starting.isoformat()}"


@transaction.atomic
def coordinator_digest_send(*, today: datetime.date | None = None) -> int:
    """Send each coordinator this week's digest once: next week's events with places left,
    overdue meeting actions, logs and claims waiting for review, and checks and training
    expiring in the next 30 days."""
    today = today or timezone.localdate()
    week_starting = today - datetime.timedelta(days=today.weekday())
    context = {"today": today, "admin_url": absolute_url(reverse("wagtailadmin_home"))}
    for section in hooks.get_hooks(STAFF_DIGEST):
        context.update(section(today=today))
    body = render_to_string("events/email/coordinator_digest.txt", context)
    coordinators = (
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .exclude(email="")
        .distinct()
    )
    queued = []
    for user in coordinators:
        message = outbox_message_queue(
            key=digest_key(user.pk, week_starting),
            user=user,
            address=user.email,
            subject=f"Weekly digest: week of {week_starting:%-d %B %Y}",
            body=body,
            deliver=False,
        )
        if message is not None:
            queued.append(message.pk)
    outbox_deliver_after_commit(queued)
    return len(queued)
