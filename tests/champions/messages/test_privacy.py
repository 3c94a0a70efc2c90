"""Messages are in a champion's data download, and erasure stops and blanks them."""

import pytest

from accounts.choices import OutboxStatus
from accounts.services.outbox import outbox_message_queue
from champions.models import GroupMessage
from champions.selectors.privacy import champion_data_export
from champions.services.privacy import champion_anonymise
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


def _message(champion, key):
    return outbox_message_queue(
        key=key,
        user=champion.user,
        address=champion.user.email,
        subject="Saturday",
        body="Hi Jo, see you at the stall",
        deliver=False,
    )


def test_messages_and_the_preferred_channel_are_in_the_download():
    champion = ChampionFactory(preferred_channel="sms")
    _message(champion, "test.1")
    data = champion_data_export(champion)
    assert data["profile"]["preferred_channel"] == "Text message"
    [row] = data["messages"]
    assert (row["subject"], row["body"], row["status"]) == (
        "Saturday",
        "Hi Jo, see you at the stall",
        "queued",
    )


def test_erasure_withholds_queued_messages_and_blanks_every_message():
    champion = ChampionFactory()
    queued, sent = _message(champion, "test.1"), _message(champion, "test.2")
    sent.status = OutboxStatus.SENT
    sent.save()
    group = GroupMessage.objects.create(subject="S", body="B")
    group.chosen.add(champion)
    champion_anonymise(champion=champion, reason="asked")
    queued.refresh_from_db()
    sent.refresh_from_db()
    assert queued.status == OutboxStatus.WITHHELD and sent.status == OutboxStatus.SENT
    for row in (queued, sent):
        assert (row.address, row.subject) == ("", "") and "Jo" not in row.body
    assert not group.chosen.exists()
