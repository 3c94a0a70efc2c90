"""Delivery of outbox rows: each row is taken by one worker, sent once, and recorded.

A row is taken by a conditional update (queued and due -> sending), so two workers, a retry
and the sweep can never send the same row twice; nothing is locked while a mail server or SMS
provider is talking. A row's record is written in one statement with the next row's claim
(one commit a message, see _Pending); a worker that dies can still have sent only the one row
it was sending without recording it, as when each update was committed on its own.
Temporary failures (SMTP 4xx, provider 5xx, timeouts, refused connections) put the row back
with exponential backoff, up to OUTBOX_MAX_ATTEMPTS; permanent ones (SMTP 5xx, an invalid
number) fail it at once.
"""

import contextlib
import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta
from hashlib import sha1

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connections, transaction
from django.db.models import F, Q, QuerySet

# The compiled UPDATE that QuerySet.update() runs, to put two of them in one statement.
from django.db.models.sql import UpdateQuery
from django.utils import timezone

from .. import hooks, sms
from ..choices import Channel, OutboxStatus
from ..models import OutboxMessage
from ..tasks.outbox import deliver_outbox_messages

logger = logging.getLogger(__name__)


# Rows read, and checked against the withhold hook, a few at a time just before they are sent;
# each is still claimed, sent and recorded on its own.
READ_AHEAD = 50


class _Pending:
    """The last row's record (sent, withheld), written with the next row's claim.

    Crash points, for a worker that dies while delivering rows k and k+1:
    - while sending k: k is "sending" (claimed by this task), its send unfinished; the task's
      redelivery or the sweep takes it back and sends it, once more than the server may have
      seen: the one in-flight row, as before;
    - after k was sent, before the statement [record k, claim k+1] commits: the same state;
    - after it commits: k is sent and recorded, k+1 claimed and not sent: k+1 goes once later.
    Every state is one the separate commits could leave (only "k recorded, k+1 not yet
    claimed" is skipped), and k+1 is still claimed, committed, before it is sent, so a consent
    withdrawn meanwhile (which withholds rows still queued) still stops it. The record waits
    for nothing else: it is written alone before the next rows are read, and at the end.
    """

    def __init__(self):
        self.record: tuple[QuerySet, dict] | None = None

    def hold(self, rows: QuerySet, values: dict) -> None:
        self.record = (rows, values)

    def flush(self) -> None:
        if self.record is not None:
            rows, values = self.record
            self.record = None
            rows.update(**values)

    def update_with(self, rows: QuerySet, values: dict) -> int:
        """rows.update(**values), with the held record in the same commit: one statement on
        PostgreSQL (a data-modifying WITH), one transaction elsewhere."""
        if self.record is None:
            return rows.update(**values)
        if connections[rows.db].vendor != "postgresql":
            with transaction.atomic(using=rows.db, savepoint=False):
                self.flush()
                return rows.update(**values)
        recorded, recorded_params = _update_sql(*self.record)
        self.record = None
        sql, params = _update_sql(rows, values)
        with connections[rows.db].cursor() as cursor:
            cursor.execute(f"WITH recorded AS ({recorded}) {sql}", (*recorded_params, *params))
            return cursor.rowcount


def _update_sql(rows: QuerySet, values: dict) -> tuple[str, tuple]:
    query = rows.query.chain(UpdateQuery)
    query.add_update_values(values)
    return query.get_compiler(rows.db).as_sql()


def outbox_messages_deliver(*, ids: Iterable[int], task_id: str = "") -> int:
    """Send each due message once (e-mail over one SMTP connection); returns how many were
    sent. `task_id` is the delivering task's id: a redelivery of a task whose worker died
    mid-send may take back the rows that worker had taken."""
    # Each row once: a row's record and its own claim must not meet in one statement.
    ids = list(dict.fromkeys(ids))
    connection = get_connection()
    _open(connection)
    sent, pending = 0, _Pending()
    try:
        for start in range(0, len(ids), READ_AHEAD):
            part = ids[start : start + READ_AHEAD]
            seen = OutboxMessage.objects.in_bulk(part)
            held = _withhold_reasons([m for m in seen.values() if m.status == OutboxStatus.QUEUED])
            for pk in part:
                sent += _deliver(pk, seen.get(pk), held, connection, task_id, pending)
            pending.flush()  # not kept waiting while the next rows are read
        return sent
    finally:
        pending.flush()
        connection.close()


def _open(connection) -> None:
    """Open the connection for every message that follows: the SMTP backend otherwise opens
    and closes one per message."""
    # If it cannot be opened, each send tries again and records its own failure.
    with contextlib.suppress(Exception):
        connection.open()


def _claim(
    pk: int, task_id: str, seen: OutboxMessage | None, pending: _Pending
) -> OutboxMessage | None:
    """Take the row (queued and due -> sending) or None, writing the pending record with it.
    With `seen`, the row as read ahead, it is taken only if no one has claimed or queued it
    again since (same attempts and created_at: requeueing sets a new created_at) and `seen` is
    returned without reading it again; if that fails, the row is claimed and read as it is
    now."""
    now = timezone.now()
    due = Q(status=OutboxStatus.QUEUED) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    if task_id:
        due |= Q(status=OutboxStatus.SENDING, claimed_by=task_id)
    taken = {"status": OutboxStatus.SENDING, "claimed_at": now, "claimed_by": task_id}
    claim = {"attempts": F("attempts") + 1, **taken}
    rows = OutboxMessage.objects.filter(due, pk=pk)
    if seen is not None and seen.status == OutboxStatus.QUEUED:
        unchanged = rows.filter(attempts=seen.attempts, created_at=seen.created_at)
        if pending.update_with(unchanged, claim):
            for name, value in taken.items():
                setattr(seen, name, value)
            seen.attempts += 1
            return seen
    if not pending.update_with(rows, claim):
        return None
    return OutboxMessage.objects.get(pk=pk)


def _deliver(pk: int, seen, held: dict[int, str], connection, task_id: str, pending) -> bool:
    """Claim, send and record one row; `held` is the hook's answer for the rows read ahead.
    A sent or withheld row's record is left pending, to be written with the next claim."""
    message = _claim(pk, task_id, seen, pending)
    if message is None:  # sent, being sent, or not yet due
        return False
    if message is not seen:  # read again after the claim: not among the rows checked
        held = _withhold_reasons([message])
    reason = held.get(pk, "")
    if reason:
        pending.hold(*_recording(message, OutboxStatus.WITHHELD, error=reason))
        return False
    try:
        provider_id = _send(message, connection)
    except Exception as error:  # every failure is recorded on the row, none is raised
        connection.close()  # a fresh SMTP session for the next message
        _open(connection)
        permanent, reason = failure_kind(error)
        logger.warning("Outbox message %s not sent: %s", pk, reason)
        _failed(message, reason, permanent=permanent)
        return False
    sent = _recording(message, OutboxStatus.SENT, provider_id=provider_id, sent_at=timezone.now())
    pending.hold(*sent)
    return True


def _withhold_reasons(messages: list[OutboxMessage]) -> dict[int, str]:
    """{pk: why} for the messages that must not be sent now (the first answer that says so)."""
    reasons = {}
    for answer in reversed(hooks.answers(hooks.OUTBOX_WITHHOLD)) if messages else ():
        reasons.update(answer(messages))
    return reasons


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


def _recording(
    message: OutboxMessage, status: str, *, error: str = "", **fields
) -> tuple[QuerySet, dict]:
    """The update that finishes this attempt; only the worker that holds the row (still
    sending) writes it."""
    fields.setdefault("next_attempt_at", None)
    rows = OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.SENDING)
    return rows, {"status": status, "last_error": error, "claimed_by": "", **fields}


def _record(message: OutboxMessage, status: str, **kwargs) -> None:
    rows, values = _recording(message, status, **kwargs)
    rows.update(**values)
