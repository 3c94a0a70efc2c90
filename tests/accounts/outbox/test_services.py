"""The outbox: written with the change that caused it, delivered after commit, sent once."""

import pytest
from django.core import mail
from django.db import transaction

from accounts.choices import OutboxStatus
from accounts.models import OutboxMessage
from accounts.services.outbox import (
    DELIVERY_BATCH,
    outbox_deliver_after_commit,
    outbox_message_queue,
    outbox_messages_deliver,
    outbox_messages_queue_many,
)
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _queue(key="test.message.1", **kwargs):
    return outbox_message_queue(
        key=key,
        address="jo@example.org",
        subject="Hello",
        body="Hello Jo",
        **kwargs,
    )


def test_a_key_is_queued_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _queue(user=UserFactory(email="jo@example.org"))
        assert _queue() is None
    assert OutboxMessage.objects.count() == 1
    first.refresh_from_db()
    assert (first.status, first.attempts) == (OutboxStatus.SENT, 1)
    assert first.sent_at is not None
    [email] = mail.outbox
    assert (email.to, email.subject, email.body) == (["jo@example.org"], "Hello", "Hello Jo")


def test_nothing_is_queued_or_sent_when_the_change_is_rolled_back(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _queue()
        raise RuntimeError("the change failed")
    assert callbacks == [] and not OutboxMessage.objects.exists() and mail.outbox == []


def test_delivery_sends_a_message_once_however_often_it_runs():
    message = _queue(deliver=False)
    assert outbox_messages_deliver(ids=[message.pk]) == 1
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    assert len(mail.outbox) == 1


def test_attachments_go_with_the_message():
    message = _queue(
        deliver=False, attachments=[("event.ics", b"BEGIN:VCALENDAR", "text/calendar")]
    )
    outbox_messages_deliver(ids=[message.pk])
    [email] = mail.outbox
    assert email.attachments == [("event.ics", "BEGIN:VCALENDAR", "text/calendar")]


def test_a_withheld_key_is_queued_again_when_the_caller_runs_again(settings):
    message = _queue(deliver=False, consent="contact_email")
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.WITHHELD, attempts=1)
    again = _queue(deliver=False)
    assert again.pk == message.pk and again.status == OutboxStatus.QUEUED
    assert outbox_messages_deliver(ids=[message.pk]) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 2, "")


def _copies(n, prefix="test.many"):
    return [
        {"key": f"{prefix}.{i}", "address": f"p{i}@example.org", "subject": "Hi", "body": f"Hi {i}"}
        for i in range(n)
    ]


def test_many_are_queued_in_a_constant_number_of_queries_each_key_once(
    django_assert_max_num_queries,
):
    with django_assert_max_num_queries(8):
        ids = outbox_messages_queue_many(_copies(50))
    assert len(ids) == 50 and OutboxMessage.objects.count() == 50
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.QUEUED}
    assert outbox_messages_queue_many(_copies(50)) == []  # queued before: left alone
    assert OutboxMessage.objects.count() == 50
    assert outbox_messages_deliver(ids=ids) == 50
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"p{i}@example.org" for i in range(50))


def test_many_queue_again_only_what_failed_or_was_withheld():
    first = outbox_messages_queue_many(_copies(4))
    OutboxMessage.objects.filter(pk=first[0]).update(status=OutboxStatus.SENT)
    OutboxMessage.objects.filter(pk=first[1]).update(status=OutboxStatus.FAILED, attempts=6)
    OutboxMessage.objects.filter(pk=first[2]).update(status=OutboxStatus.WITHHELD)
    again = outbox_messages_queue_many(_copies(5))
    new = OutboxMessage.objects.get(key="test.many.4").pk
    assert sorted(again) == sorted([first[1], first[2], new])
    statuses = dict(OutboxMessage.objects.values_list("key", "status"))
    assert statuses == {
        "test.many.0": OutboxStatus.SENT,
        "test.many.1": OutboxStatus.QUEUED,
        "test.many.2": OutboxStatus.QUEUED,
        "test.many.3": OutboxStatus.QUEUED,
        "test.many.4": OutboxStatus.QUEUED,
    }


def test_a_large_run_is_handed_to_workers_in_batches_each_row_once(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    """10,000 reminders in one task would keep every worker but one idle: batches of 100."""
    handed = []
    monkeypatch.setattr("accounts.tasks.outbox.deliver_outbox_messages.delay", handed.append)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        ids = outbox_messages_queue_many(_copies(250))
        outbox_deliver_after_commit(ids)
        assert handed == []  # nothing before the commit
    assert [len(batch) for batch in handed] == [DELIVERY_BATCH, DELIVERY_BATCH, 50]
    assert sorted(pk for batch in handed for pk in batch) == sorted(ids)


def test_a_large_run_delivered_in_batches_sends_each_message_once(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        outbox_deliver_after_commit(outbox_messages_queue_many(_copies(250)))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"p{i}@example.org" for i in range(250))
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
