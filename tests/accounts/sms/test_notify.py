"""Text messages through GOV.UK Notify, against a local fake Notify (never the internet)."""

import jwt
import pytest

from accounts.choices import Channel, OutboxStatus
from accounts.services.delivery import outbox_messages_deliver
from accounts.services.outbox import outbox_message_queue

from .conftest import SECRET, SERVICE_ID

pytestmark = pytest.mark.django_db


def _sms(key="test.sms.1"):
    return outbox_message_queue(
        key=key,
        channel=Channel.SMS,
        address="+447911123456",
        subject="",
        body="Hi Jo, see you on Saturday",
        deliver=False,
    )


def test_a_text_is_sent_with_notify_s_request_shape_and_its_id_kept(fake_notify):
    message = _sms()
    assert outbox_messages_deliver(ids=[message.pk]) == 1
    [request] = fake_notify.requests
    assert request["path"] == "/v2/notifications/sms"
    assert request["json"] == {
        "phone_number": "+447911123456",
        "template_id": "f33517ff-2a88-4f6e-b855-c550268ce08a",
        "personalisation": {"body": "Hi Jo, see you on Saturday"},
        "reference": "test.sms.1",
    }
    scheme, token = request["headers"]["Authorization"].split()
    assert scheme == "Bearer"
    assert jwt.decode(token, SECRET, algorithms=["HS256"])["iss"] == SERVICE_ID
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.provider_id


def test_notify_500_is_temporary_and_retried(fake_notify):
    fake_notify.answers = [(500, {"errors": [{"error": "Exception", "message": "Internal"}]})]
    message = _sms()
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    message.refresh_from_db()
    assert (message.status, message.last_error) == (OutboxStatus.QUEUED, "Notify 500: Internal")
    assert message.next_attempt_at is not None


def test_an_invalid_number_fails_at_once(fake_notify):
    error = {"error": "ValidationError", "message": "phone_number Not a UK mobile number"}
    fake_notify.answers = [(400, {"status_code": 400, "errors": [error]})]
    message = _sms()
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.last_error == "Notify 400: phone_number Not a UK mobile number"


def test_notify_unreachable_is_temporary(settings):
    settings.SMS_BACKEND = "accounts.sms.notify.NotifySmsBackend"
    settings.NOTIFY_API_KEY = f"test_key-{SERVICE_ID}-{SECRET}"
    settings.NOTIFY_BASE_URL = "http://127.0.0.1:1"
    message = _sms()
    assert outbox_messages_deliver(ids=[message.pk]) == 0
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED and message.last_error.startswith("Notify 503")


def test_the_console_backend_prints_the_text(capsys):
    message = _sms()
    assert outbox_messages_deliver(ids=[message.pk]) == 1
    assert "SMS to +447911123456 (test.sms.1" in capsys.readouterr().out
