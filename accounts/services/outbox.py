"""The outbox: every message the site sends goes through here, e-mail and text alike.

A caller queues a message in its own transaction (so it exists only if the change that caused
it is committed), keyed by what it is about; a key already queued or sent is not queued again.
After the commit a worker delivers it (services/delivery.py); if the broker is down or the
worker dies, the beat sweep (`outbox_sweep`) finds the row and delivers it later. Queueing never
fails because the broker or a mail server is down: the request that caused it goes on.
"""

import datetime
import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..choices import Channel, OutboxStatus
from ..models import OutboxMessage, User
from ..redaction import REMOVED, Redactor
from ..tasks.outbox import deliver_outbox_messages
from .delivery import outbox_messages_deliver

logger = logging.getLogger(__name__)

# A key may be queued again only when its earlier message was never sent.
REQUEUEABLE = (OutboxStatus.FAILED, OutboxStatus.WITHHELD)

__all__ = [
    "outbox_deliver_after_commit",
    "outbox_message_queue",
    "outbox_messages_deliver",
    "outbox_messages_queue_many",
    "outbox_messages_withhold",
    "outbox_sweep",
]


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
    channel: str = Channel.EMAIL,
    consent: str = "",
    html_body: str = "",
    batch: str = "",
) -> OutboxMessage | None:
    """Queue a message unless `key` was queued or sent before; returns None when it was.

    `attachments` are (filename, text content, mimetype). `consent` names a consent the user
    must still hold when the message is sent. With `deliver=False` the caller delivers a batch
    itself (outbox_deliver_after_commit).
    """
    fields = _row(
        channel=channel,
        address=address,
        subject=subject,
        body=body,
        html_body=html_body,
        user=user,
        consent=consent,
        batch=batch,
        attachments=_attachments(attachments),
    )
    message, created = OutboxMessage.objects.select_for_update().get_or_create(
        key=key, defaults=fields
    )
    if not created:
        if message.status not in REQUEUEABLE:
            return None
        for name, value in fields.items():
            setattr(message, name, value)
        message.save()
    if deliver:
        outbox_deliver_after_commit([message.pk])
    return message


def _row(**fields) -> dict:
    """A queued row's fields: what is given, and nothing claimed or due yet."""
    defaults = {"html_body": "", "user": None, "consent": "", "batch": "", "attachments": []}
    queued = {"status": OutboxStatus.QUEUED, "created_at": timezone.now()}
    return {**defaults, **fields, **queued, "next_attempt_at": None, "claimed_by": ""}


def _attachments(attachments: Iterable[tuple[str, str, str]]) -> list[dict]:
    return [
        {"filename": name, "content": _text(content), "mimetype": mimetype}
        for name, content, mimetype in attachments
    ]


@transaction.atomic
def outbox_messages_queue_many(messages: list[dict]) -> list[int]:
    """Queue many messages at once (a group message's copies, a run of reminders: thousands of
    rows in a few queries), each a dict of outbox_message_queue's arguments. As there, a key
    queued or sent before is left alone and one that failed or was withheld is queued again.
    Returns the ids now queued, for the caller to deliver (outbox_deliver_after_commit).
    """
    keys = [m["key"] for m in messages]
    known = dict(OutboxMessage.objects.filter(key__in=keys).values_list("key", "status"))
    new = [
        OutboxMessage(**_row(**{**m, "attachments": _attachments(m.get("attachments", ()))}))
        for m in messages
        if m["key"] not in known
    ]
    # A run of the same job at the same time may insert a key first: its row is kept.
    OutboxMessage.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    made = {row.key for row in new}
    ids = list(
        OutboxMessage.objects.filter(key__in=made, status=OutboxStatus.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for m in messages:
        if known.get(m["key"]) in REQUEUEABLE:
            ids.append(outbox_message_queue(**m, deliver=False).pk)
    return ids


def outbox_messages_withhold(*, user: User, consent: str, reason: str) -> int:
    """Withhold the person's messages still queued that need `consent` (just withdrawn), so
    that a worker about to send them finds nothing to claim. Returns how many."""
    return OutboxMessage.objects.filter(
        user=user, consent=consent, status=OutboxStatus.QUEUED
    ).update(status=OutboxStatus.WITHHELD, last_error=reason, next_attempt_at=None)


SWEEP_BATCH = 100  # rows in one delivery task handed out by the sweep
# Rows in one delivery task handed out after a commit: a run of 10,000 reminders becomes 100
# tasks, so that every worker process of every machine takes a share.
DELIVERY_BATCH = 100


def outbox_deliver_after_commit(ids: list[int]) -> None:
    """Hand the messages to workers, DELIVERY_BATCH a task, once the caller's transaction commits.

    If the broker cannot take a task, its rows stay queued for the sweep: the caller's
    request or job carries on.
    """
    ids = list(ids)
    for start in range(0, len(ids), DELIVERY_BATCH):
        batch = ids[start : start + DELIVERY_BATCH]
        # A function, not a partial: a robust on_commit logs a failure by its __qualname__.
        transaction.on_commit(lambda batch=batch: _enqueue(batch), robust=True)


def _enqueue(ids: list[int]) -> None:
    try:
        deliver_outbox_messages.delay(ids)
    except Exception:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise  # in-process delivery: delivery errors are recorded on the rows already
        logger.warning("Broker unavailable: %s outbox message(s) left for the sweep", len(ids))


def outbox_sweep(*, now=None, limit: int = 5000, inline: int = 100) -> int:
    """Deliver what was left behind: rows due for another attempt, rows whose task never
    reached a worker, and rows a dead worker left "sending". The first `inline` rows are sent
    here; the rest go to the workers in batches, so that a broker outage's backlog drains at
    the workers' pace (a row handed over twice is still sent once: delivery claims it).
    Returns how many were sent here or handed over."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.OUTBOX_SENDING_TIMEOUT)
    OutboxMessage.objects.filter(status=OutboxStatus.SENDING, claimed_at__lt=stale).update(
        status=OutboxStatus.QUEUED, claimed_by="", next_attempt_at=None
    )
    settled = now - timedelta(seconds=settings.OUTBOX_SWEEP_GRACE_SECONDS)
    with transaction.atomic():
        # On PostgreSQL, a second sweep running at once skips the rows this one holds.
        ids = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(status=OutboxStatus.QUEUED, created_at__lte=settled)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
    for start in range(inline, len(ids), SWEEP_BATCH):
        _enqueue(ids[start : start + SWEEP_BATCH])
    handed = max(len(ids) - inline, 0)
    return (outbox_messages_deliver(ids=ids[:inline]) if ids else 0) + handed


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
        user=None, address="", subject="", body=REMOVED, html_body="", attachments=[], last_error=""
    )
    OutboxMessage.objects.filter(pk__in=queued).update(status=OutboxStatus.WITHHELD)
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
