"""The coordinators' weekly digest: each app adds its section through a hook, sent once a week."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from accounts.models import COORDINATORS, OutboxMessage
from accounts.services.outbox import outbox_deliver_after_commit, outbox_message_queue
from accounts.site import absolute_url

# fn(*, today) -> dict for the digest template; each app registers its section.
STAFF_DIGEST = "events_staff_digest"


def digest_key(user_id: int, week_starting: datetime.date) -> str:
    return f"events.digest.{user_id}.{week_starting.isoformat()}"


def digest_week_starting(today: datetime.date) -> datetime.date:
    return today - datetime.timedelta(days=today.weekday())


def coordinator_digest_body(*, today: datetime.date) -> str:
    """The digest as it reads today: each app's section (hook `events_staff_digest`), rendered.

    Sent on Mondays; the admin's "Weekly digest" screen renders it on demand, so staff see it
    even when no scheduler ran.
    """
    context = {"today": today, "admin_url": absolute_url(reverse("wagtailadmin_home"))}
    for section in hooks.get_hooks(STAFF_DIGEST):
        context.update(section(today=today))
    return render_to_string("events/email/coordinator_digest.txt", context)


def coordinator_digest_last_sent(*, user) -> OutboxMessage | None:
    """The last weekly digest queued for this user, if any."""
    return (
        OutboxMessage.objects.filter(user=user, key__startswith=f"events.digest.{user.pk}.")
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def coordinator_digest_send(*, today: datetime.date | None = None) -> int:
    """Send each coordinator this week's digest once: next week's events with places left,
    overdue meeting actions, logs and claims waiting for review, and checks and training
    expiring in the next 30 days."""
    today = today or timezone.localdate()
    week_starting = digest_week_starting(today)
    body = coordinator_digest_body(today=today)
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
