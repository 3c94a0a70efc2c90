"""GOV.UK Notify's callbacks: delivery receipts and replies, accepted only with the token."""

import json

import pytest
from django.urls import reverse

from accounts.choices import Channel, OutboxStatus
from accounts.models import OutboxMessage
from accounts.services.delivery import outbox_messages_deliver
from champions.choices import ConsentKind
from champions.models import Consent
from champions.services.notifications import champion_message_queue
from tests.factories.champions import ChampionFactory, ConsentFactory

pytestmark = pytest.mark.django_db

TOKEN = "a-long-shared-callback-token"
RECEIPTS, REPLIES = reverse("accounts:notify_receipt"), reverse("accounts:notify_reply")


@pytest.fixture(autouse=True)
def _token(settings):
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN


def _post(client, url, data, token=TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(url, json.dumps(data), content_type="application/json", headers=headers)


def _sent(provider_id="9f1c", status=OutboxStatus.SENT):
    return OutboxMessage.objects.create(
        key="test.sms.1",
        channel=Channel.SMS,
        address="+447911123456",
        subject="",
        body="Hi",
        status=status,
        provider_id=provider_id,
    )


def test_a_delivery_receipt_marks_the_message_delivered(client):
    message = _sent()
    receipt = {"id": "9f1c", "reference": "test.sms.1", "status": "delivered", "to": "07911123456"}
    assert _post(client, RECEIPTS, receipt).status_code == 204
    message.refresh_from_db()
    assert message.status == OutboxStatus.DELIVERED and message.delivered_at is not None


def test_a_failure_receipt_records_notify_s_reason(client):
    message = _sent()
    assert _post(client, RECEIPTS, {"id": "9f1c", "status": "permanent-failure"}).status_code == 204
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.last_error.startswith("permanent-failure: The number does not exist")


@pytest.mark.parametrize("token", ["", "wrong-token"])
def test_a_callback_without_the_right_token_changes_nothing(client, token):
    message = _sent()
    response = _post(client, RECEIPTS, {"id": "9f1c", "status": "delivered"}, token=token)
    assert response.status_code == 403
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def test_callbacks_are_refused_when_no_token_is_configured(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""
    _sent()
    assert (
        _post(client, RECEIPTS, {"id": "9f1c", "status": "delivered"}, token="").status_code == 403
    )


def test_a_malformed_receipt_is_a_400_not_a_500(client):
    response = client.post(
        RECEIPTS,
        "not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400
    assert client.get(RECEIPTS).status_code == 405


def test_a_stop_reply_withholds_the_next_text(client):
    champion = ChampionFactory(phone="+447911123456", preferred_channel=Channel.SMS)
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_TEXT)
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    queued = champion_message_queue(
        champion=champion, key="test.group.1", subject="", body="Hi", deliver=False
    )
    assert queued.channel == Channel.SMS

    reply = {"id": "r1", "source_number": "07911 123456", "message": "Stop", "date_received": ""}
    assert _post(client, REPLIES, reply).status_code == 204
    assert not Consent.objects.has_current(champion, ConsentKind.CONTACT_TEXT)

    assert outbox_messages_deliver(ids=[queued.pk]) == 0
    queued.refresh_from_db()
    assert queued.status == OutboxStatus.WITHHELD
    # The next message goes by e-mail, the channel the champion can still be reached on.
    after = champion_message_queue(champion=champion, key="test.group.2", subject="S", body="Hi")
    assert after.channel == Channel.EMAIL


def test_other_replies_change_nothing(client):
    champion = ChampionFactory(phone="+447911123456")
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_TEXT)
    _post(client, REPLIES, {"id": "r2", "source_number": "+447911123456", "message": "Thanks!"})
    assert Consent.objects.has_current(champion, ConsentKind.CONTACT_TEXT)
