"""Delivery: temporary failures retried with backoff, permanent ones failed, consent checked at
send time, a row taken by one worker only, and a broker that is down never fails a request."""

from datetime import timedelta
from hashlib import sha1

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from accounts.choices import OutboxStatus
from accounts.models import OutboxMessage
from accounts.services import delivery
from accounts.services.delivery import outbox_messages_deliver
from accounts.services.outbox import outbox_message_queue, outbox_sweep
from champions.choices import ConsentKind
from champions.services.consents import consent_withdraw
from champions.services.notifications import champion_email_queue
from tests.factories.accounts import PASSWORD, CoordinatorFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory

pytestmark = pytest.mark.django_db

NOW = "2026-03-18 12:00 +00:00"


def _queue(key="test.message.1", **kwargs):
    return outbox_message_queue(
        key=key, address="jo@example.org", subject="Hello", body="Hello Jo", deliver=False, **kwargs
    )


def _state(message):
    message.refresh_from_db()
    return message.status, message.attempts


def test_smtp_451_twice_is_delivered_on_the_third_try(scripted_smtp, settings, time_machine):
    time_machine.move_to(NOW, tick=False)
    settings.OUTBOX_RETRY_BASE_SECONDS = 30
    scripted_smtp.script = ["451 4.3.0 Try again later", "451 4.3.0 Try again later"]
    message = _queue()

    assert outbox_messages_deliver(ids=[message.pk]) == 0
    assert _state(message) == (OutboxStatus.QUEUED, 1)
    assert message.next_attempt_at == timezone.now() + timedelta(seconds=30)
    assert "451" in message.last_error
    assert outbox_messages_deliver(ids=[message.pk]) == 0  # not due yet: not even tried
    assert scripted_smtp.answered == ["451 4.3.0 Try again later"]

    time_machine.shift(30)
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    message.refresh_from_db()
    assert message.next_attempt_at == timezone.now() + timedelta(seconds=60)  # doubled
    time_machine.shift(60)
    assert outbox_sweep(now=timezone.now() + timedelta(minutes=5)) == 1
    assert _state(message) == (OutboxStatus.SENT, 3)
    assert len(scripted_smtp.to("jo@example.org")) == 1
    assert outbox_sweep(now=timezone.now() + timedelta(hours=1)) == 0


def test_smtp_550_fails_at_once_and_is_not_retried(scripted_smtp):
    scripted_smtp.script = ["550 5.1.1 No such mailbox"]
    message = _queue()
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    assert _state(message) == (OutboxStatus.FAILED, 1)
    assert message.last_error == "550 5.1.1 No such mailbox"
    assert outbox_sweep(now=timezone.now() + timedelta(days=1)) == 0
    assert scripted_smtp.answered == ["550 5.1.1 No such mailbox"]


def test_temporary_failures_stop_after_the_attempt_limit(settings, monkeypatch, time_machine):
    time_machine.move_to(NOW, tick=False)
    settings.OUTBOX_MAX_ATTEMPTS = 3
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send",
        lambda *a, **k: (_ for _ in ()).throw(ConnectionRefusedError("SMTP server down")),
    )
    message = _queue()
    for _ in range(3):
        time_machine.shift(timedelta(hours=1))
        outbox_sweep()
    assert _state(message) == (OutboxStatus.FAILED, 3)
    assert message.last_error.startswith("Gave up after 3 attempts: ConnectionRefusedError")
    assert outbox_sweep(now=timezone.now() + timedelta(days=1)) == 0
    assert _state(message) == (OutboxStatus.FAILED, 3)


def test_consent_withdrawn_between_queueing_and_sending_stops_the_message(scripted_smtp):
    champion = ChampionFactory(consenting=True, user__email="sam@example.org")
    message = champion_email_queue(
        champion=champion,
        key="test.champion.1",
        subject="Hello",
        template="champions/email/renewal_reminder.txt",
        context={"reminders": []},
        deliver=False,
    )
    assert message.consent == ConsentKind.CONTACT_EMAIL
    champion.consents.update(withdrawn_at=timezone.now())

    assert outbox_messages_deliver(ids=[message.pk]) == 0
    assert _state(message) == (OutboxStatus.WITHHELD, 1)
    assert message.last_error == "No current consent: contact by e-mail."
    assert scripted_smtp.messages == []


def _to_champion(champion):
    return champion_email_queue(
        champion=champion,
        key=f"test.champion.{champion.pk}",
        subject="Hello",
        template="champions/email/renewal_reminder.txt",
        context={"reminders": []},
        deliver=False,
    )


def test_a_delivery_reads_and_checks_its_rows_at_once_over_one_smtp_session(
    scripted_smtp, django_assert_num_queries
):
    messages = [_to_champion(ChampionFactory(consenting=True)) for _ in range(6)]
    # The rows read and their champions' consent checked in 3 queries; the first claim; each
    # later claim written with the record of the row before it (one statement on PostgreSQL,
    # two in one transaction elsewhere); the last record.
    together = 1 if connection.vendor == "postgresql" else 2
    with django_assert_num_queries(3 + 1 + together * 5 + 1) as queries:
        assert outbox_messages_deliver(ids=[m.pk for m in messages]) == 6
    if connection.vendor == "postgresql":
        assert sum(q["sql"].startswith("WITH recorded AS (UPDATE") for q in queries) == 5
    assert len(scripted_smtp.messages) == 6
    assert len(scripted_smtp.sessions) == 1
    assert {_state(m) for m in messages} == {(OutboxStatus.SENT, 1)}


class WorkerDied(BaseException):
    """What a SIGKILL does to a worker, here without killing the test."""


def test_a_worker_dying_mid_send_leaves_only_that_row_to_its_redelivery(scripted_smtp, monkeypatch):
    messages = [_to_champion(ChampionFactory(consenting=True)) for _ in range(3)]
    send = delivery._send

    def dying_on_the_second(message, connection):
        if message.pk == messages[1].pk:
            raise WorkerDied
        return send(message, connection)

    monkeypatch.setattr(delivery, "_send", dying_on_the_second)
    with pytest.raises(WorkerDied):
        outbox_messages_deliver(ids=[m.pk for m in messages], task_id="task-a")
    # The first row recorded with the second's claim; the third never claimed.
    assert [_state(m) for m in messages] == [
        (OutboxStatus.SENT, 1),
        (OutboxStatus.SENDING, 1),
        (OutboxStatus.QUEUED, 0),
    ]
    monkeypatch.setattr(delivery, "_send", send)
    assert outbox_messages_deliver(ids=[m.pk for m in messages], task_id="task-a") == 2
    assert [_state(m)[0] for m in messages] == [OutboxStatus.SENT] * 3
    for message in messages:
        assert len(scripted_smtp.to(message.address)) == 1


def test_a_row_named_twice_in_a_delivery_is_sent_once(scripted_smtp):
    message = _queue()
    assert outbox_messages_deliver(ids=[message.pk, message.pk], task_id="task-a") == 1
    assert _state(message) == (OutboxStatus.SENT, 1)
    assert len(scripted_smtp.to("jo@example.org")) == 1


def test_consent_withdrawn_while_earlier_rows_are_sent_stops_a_row_read_ahead(
    scripted_smtp, monkeypatch
):
    first, second = ChampionFactory(consenting=True), ChampionFactory(consenting=True)
    messages = [_to_champion(first), _to_champion(second)]
    send = delivery._send

    def withdrawing_while_sending(message, connection):
        if message.pk == messages[0].pk:  # the second row was read and checked already
            consent_withdraw(champion=second, kind=ConsentKind.CONTACT_EMAIL)
        return send(message, connection)

    monkeypatch.setattr(delivery, "_send", withdrawing_while_sending)
    assert outbox_messages_deliver(ids=[m.pk for m in messages]) == 1
    assert _state(messages[1]) == (OutboxStatus.WITHHELD, 0)
    assert messages[1].last_error == "No current consent: contact by e-mail."
    assert scripted_smtp.to(second.user.email) == []
    assert len(scripted_smtp.to(first.user.email)) == 1


def test_a_row_queued_again_after_it_was_read_ahead_is_sent_as_it_is_now(
    scripted_smtp, monkeypatch
):
    first, second = _queue(key="test.first"), _queue(key="test.second")
    send = delivery._send

    def requeueing_while_sending(message, connection):
        if message.pk == first.pk:  # the second row fails elsewhere and is queued anew
            OutboxMessage.objects.filter(pk=second.pk).update(status=OutboxStatus.FAILED)
            outbox_message_queue(
                key="test.second", address="jo@example.org", subject="Hi", body="Hello again"
            )
        return send(message, connection)

    monkeypatch.setattr(delivery, "_send", requeueing_while_sending)
    assert outbox_messages_deliver(ids=[first.pk, second.pk]) == 2
    bodies = [scripted_smtp.body(message).strip() for _, message in scripted_smtp.messages]
    assert bodies == ["Hello Jo", "Hello again"]


def test_a_row_another_worker_is_sending_is_left_alone_but_its_own_redelivery_takes_it():
    message = _queue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, claimed_by="task-a", claimed_at=timezone.now()
    )
    assert outbox_messages_deliver(ids=[message.pk], task_id="task-b") == 0
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    assert mail.outbox == []
    # Task A's worker died mid-send; the broker hands task A to another worker.
    assert outbox_messages_deliver(ids=[message.pk], task_id="task-a") == 1
    assert len(mail.outbox) == 1


def test_the_sweep_takes_back_a_row_a_dead_worker_left_sending(settings):
    message = _queue()
    claimed = timezone.now() - timedelta(seconds=settings.OUTBOX_SENDING_TIMEOUT + 1)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, claimed_by="dead", claimed_at=claimed, attempts=1
    )
    assert outbox_sweep(now=timezone.now() + timedelta(minutes=1)) == 1
    assert _state(message) == (OutboxStatus.SENT, 2)
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [
        f"<outbox.{message.pk}.{sha1(b'test.message.1', usedforsecurity=False).hexdigest()[:16]}"
        f"@{settings.OUTBOX_MESSAGE_ID_DOMAIN}>"
    ]


def test_a_decision_with_the_broker_down_answers_and_is_e_mailed_by_the_sweep(
    client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("accounts.tasks.outbox.deliver_outbox_messages.delay", broker_down)
    log = ActivityLogFactory(champion=ChampionFactory(consenting=True))
    client.force_login(CoordinatorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("champions_activitylog:review", args=[log.pk]),
            {"decision": "reject", "message": "Duplicate entry."},
        )
    assert response.status_code == 302
    [message] = OutboxMessage.objects.all()
    assert message.status == OutboxStatus.QUEUED and mail.outbox == []
    assert outbox_sweep(now=timezone.now() + timedelta(minutes=1)) == 1
    assert outbox_sweep(now=timezone.now() + timedelta(minutes=2)) == 0
    assert len(mail.outbox) == 1


def test_sign_up_with_the_mail_server_down_answers_and_keeps_the_e_mail(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    form = {"email": "new@example.org", "preferred_name": "Jo"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"), {**form, "password1": PASSWORD, "password2": PASSWORD}
        )
    assert response.status_code == 302
    [message] = OutboxMessage.objects.filter(address="new@example.org")
    assert (message.status, message.attempts) == (OutboxStatus.QUEUED, 1)
    assert message.key.endswith(".email_confirmation_signup")
    assert message.user.email == "new@example.org"


def test_a_large_backlog_is_swept_once_each_part_inline_and_the_rest_by_workers(
    settings, monkeypatch
):
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 0
    monkeypatch.setattr("accounts.services.outbox.SWEEP_BATCH", 2)
    messages = [
        outbox_message_queue(
            key=f"test.backlog.{n}",
            address=f"p{n}@example.org",
            subject="Hi",
            body="Hi",
            deliver=False,
        )
        for n in range(7)
    ]
    assert outbox_sweep(inline=2) == 7  # two sent here, five in three tasks
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"p{n}@example.org" for n in range(7))
    assert {_state(m) for m in messages} == {(OutboxStatus.SENT, 1)}
    assert outbox_sweep(inline=2) == 0
