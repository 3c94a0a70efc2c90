"""Delivery of outbox rows: each row is taken by one worker, sent once, and recorded.

A row is taken by a conditional update (queued and due -> sending), so two workers, a retry
and the sweep can never send the same row twice; nothing is locked while a mail server or SMS
provider is talking. Temporary failures (SMTP 4xx, provider 5xx, timeouts, refused connections)
put the row back with exponential backoff, up to OUTBOX_MAX_ATTEMPTS; permanent ones (SMTP 5xx,
an invalid number) fail it at once.
"""

import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta
from hashlib import sha1

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .. import hooks, sms
from ..choices import Channel, OutboxStatus
from ..models import OutboxMessage
from ..tasks.outbox import deliver_outbox_messages

logger = logging.getLogger(__name__)


def outbox_messages_deliver(*, ids: Iterable[int], task_id: str = "") -> int:
    """Send each due message once (e-mail over one SMTP connection); returns how many were
    sent. `task_id` is the delivering task's id: a redelivery of a task whose worker died
    mid-send may take back the rows that worker had taken."""
    connection = get_connection()
    try:
        return sum(_deliver(pk, connection, task_id) for pk in ids)
    finally:
        connection.close()


def _claim(pk: int, task_id: str) -> OutboxMessage | None:
    now = timezone.now()
    due = Q(status=OutboxStatus.QUEUED) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    if task_id:
        due |= Q(status=OutboxStatus.SENDING, claimed_by=task_id)
    taken = OutboxMessage.objects.filter(due, pk=pk).update(
        status=OutboxStatus.SENDING,
        attempts=F("attempts") + 1,
        claimed_at=now,
        claimed_by=task_id,
    )
    return OutboxMessage.objects.get(pk=pk) if taken else None


def _deliver(pk: int, connection, task_id: str) -> bool:
    message = _claim(pk, task_id)
    if message is None:  # sent, being sent, or not yet due
        return False
    reason = _withhold_reason(message)
    if reason:
        _record(message, OutboxStatus.WITHHELD, error=reason)
        return False
    try:
        provider_id = _send(message, connection)
    except Exception as error:  # every failure is recorded on the row, none is raised
        connection.close()  # a fresh SMTP session for the next message
        permanent, reason = failure_kind(error)
        logger.warning("Outbox message %s not sent: %s", pk, reason)
        _failed(message, reason, permanent=permanent)
        return False
    _record(message, OutboxStatus.SENT, provider_id=provider_id, sent_at=timezone.now())
    return True


def _withhold_reason(message: OutboxMessage) -> str:
    for answer in hooks.answers(hooks.OUTBOX_WITHHOLD):
        reason = answer(message)
        if reason:
            return reason
    return ""


def _send(message: OutboxMessage, connection) -> str:
    if message.channel == Channel.SMS:
        return sms.get_backend().send(to=message.address, body=message.body, reference=message.key)
    email = EmailMultiAlternatives(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        [message.address],
        connection=connection,
        headers={"Message-ID": _message_id(message)},
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    email.send()
    return ""


def _message_id(message: OutboxMessage) -> str:
    """The same Message-ID on every attempt, so a receiving server can drop a copy."""
    digest = sha1(message.key.encode(), usedforsecurity=False).hexdigest()[:16]
    return f"<outbox.{message.pk}.{digest}@{settings.OUTBOX_MESSAGE_ID_DOMAIN}>"


def failure_kind(error: Exception) -> tuple[bool, str]:
    """(permanent?, reason) for an error raised while sending."""
    if isinstance(error, sms.SendFailure):
        return error.permanent, error.reason
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and min(codes) >= 500, _smtp_reason(error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500, _smtp_reason([(error.smtp_code, error.smtp_error)])
    return False, f"{type(error).__name__}: {error}"[:2000]


def _smtp_reason(answers) -> str:
    return "; ".join(
        f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
        for code, text in answers
    )[:2000]


def _failed(message: OutboxMessage, reason: str, *, permanent: bool) -> None:
    if permanent or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        prefix = "" if permanent else f"Gave up after {message.attempts} attempts: "
        _record(message, OutboxStatus.FAILED, error=prefix + reason)
        return
    delay = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** (message.attempts - 1)
    _record(
        message,
        OutboxStatus.QUEUED,
        error=reason,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
    )
    _retry_later(message.pk, delay)


def _retry_later(pk: int, delay: float) -> None:
    """Ask a worker to try again after `delay`; short delays only (a long countdown would
    outlive the broker's visibility timeout): the sweep brings the rest."""
    if settings.CELERY_TASK_ALWAYS_EAGER or delay > settings.OUTBOX_RETRY_COUNTDOWN_MAX:
        return
    try:
        deliver_outbox_messages.apply_async(args=[[pk]], countdown=delay)
    except Exception:
        logger.warning("Broker unavailable: outbox message %s left for the sweep", pk)


def _record(message: OutboxMessage, status: str, *, error: str = "", **fields) -> None:
    """Finish this attempt; only the worker that holds the row (still sending) writes it."""
    fields.setdefault("next_attempt_at", None)
    OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.SENDING).update(
        status=status, last_error=error, claimed_by="", **fields
    )
