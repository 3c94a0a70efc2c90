"""The outbox: every message the site sends "once" goes through here.

A caller queues a message in its own transaction (so it exists only if the change that caused
it is committed), keyed by what it is about; a key already queued or sent is not queued again.
Delivery runs in a worker after the commit: each queued row is locked, sent once and marked
sent (or failed, with the error; the caller's next run queues a failed key again).
"""

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..choices import OutboxStatus
from ..models import OutboxMessage, User
from ..redaction import REMOVED, Redactor
from ..tasks.outbox import deliver_outbox_messages

logger = logging.getLogger(__name__)


@transaction.atomic
def outbox_message_queue(
    *,
    key: str,
    address: str,
    subject: str,
    body: str,
    user: User | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
    deliver: bool = True,
) -> OutboxMessage | None:
    """Queue an e-mail unless `key` was queued or sent before; returns None when it was.

    `attachments` are (filename, text content, mimetype). With `deliver=False` the caller
    delivers a batch itself (outbox_deliver_after_commit).
    """
    fields = {
        "address": address,
        "subject": subject,
        "body": body,
        "user": user,
        "attachments": [
            {"filename": name, "content": _text(content), "mimetype": mimetype}
            for name, content, mimetype in attachments
        ],
        "status": OutboxStatus.QUEUED,
        "created_at": timezone.now(),
    }
    message, created = OutboxMessage.objects.select_for_update().get_or_create(
        key=key, defaults=fields
    )
    if not created:
        if message.status != OutboxStatus.FAILED:
            return None
        for name, value in fields.items():
            setattr(message, name, value)
        message.save()
    if deliver:
        outbox_deliver_after_commit([message.pk])
    return message


def outbox_deliver_after_commit(ids: list[int]) -> None:
    """Hand the messages to a worker once the caller's transaction commits."""
    if ids:
        transaction.on_commit(lambda: deliver_outbox_messages.delay(list(ids)))


def outbox_messages_deliver(*, ids: Iterable[int]) -> int:
    """Send each queued message once, over one SMTP connection; returns how many were sent."""
    connection = get_connection()
    try:
        return sum(_deliver(pk, connection) for pk in ids)
    finally:
        connection.close()


def _deliver(pk: int, connection) -> bool:
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update()
            .filter(pk=pk, status=OutboxStatus.QUEUED)
            .first()
        )
        if message is None:  # sent (or being sent) by another run
            return False
        message.attempts += 1
        email = EmailMessage(
            message.subject,
            message.body,
            settings.DEFAULT_FROM_EMAIL,
            [message.address],
            connection=connection,
        )
        for attachment in message.attachments:
            email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        try:
            email.send()
        except OSError as error:  # smtplib's errors are OSErrors too
            logger.exception("Outbox message %s could not be sent", pk)
            message.status, message.last_error = OutboxStatus.FAILED, str(error)[:2000]
        else:
            message.status, message.sent_at, message.last_error = (
                OutboxStatus.SENT,
                timezone.now(),
                "",
            )
        message.save(update_fields=["status", "sent_at", "last_error", "attempts"])
        return message.status == OutboxStatus.SENT


def _text(content) -> str:
    return content.decode() if isinstance(content, bytes) else content


def outbox_messages_redact(*, user: User, address: str, redactor: Redactor) -> int:
    """Erasure: messages to this person lose their content and address (queued ones are not
    sent); other messages lose the person's identifiers. Returns how many rows changed.

    `user` is already anonymised; `address` is the e-mail address they had.
    """
    own = OutboxMessage.objects.filter(Q(user=user) | Q(address__iexact=address))
    queued = list(own.filter(status=OutboxStatus.QUEUED).values_list("pk", flat=True))
    changed = own.update(
        user=None, address=user.email, subject=REMOVED, body="", attachments=[], last_error=""
    )
    OutboxMessage.objects.filter(pk__in=queued).update(
        status=OutboxStatus.FAILED, last_error="Not sent: the recipient's data was erased."
    )
    naming = Q(pk__in=[])
    for word in redactor.identifiers:
        for field in ("address", "subject", "body", "attachments", "last_error"):
            naming |= Q(**{f"{field}__icontains": word})
    for message in OutboxMessage.objects.filter(naming).exclude(address=user.email):
        for field in ("address", "subject", "body", "last_error"):
            setattr(message, field, redactor.text(getattr(message, field)))
        message.attachments = redactor.data(message.attachments)
        message.save(update_fields=["address", "subject", "body", "attachments", "last_error"])
        changed += 1
    return changed


def outbox_bodies_clear(*, now: datetime.datetime | None = None) -> int:
    """Messages older than the retention period keep only their delivery record: key, address,
    status and times; the subject, body and attachments go. Returns how many were cleared."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.RETENTION["OUTBOX_BODY_DAYS"])
    old = OutboxMessage.objects.filter(created_at__lt=cutoff).exclude(status=OutboxStatus.QUEUED)
    return old.exclude(body="", subject=REMOVED, attachments=[]).update(
        subject=REMOVED, body="", attachments=[]
    )
