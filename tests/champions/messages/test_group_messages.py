"""Group messages: who a message reaches and why others are left out, sent once each."""

import pytest
from django.core import mail

from accounts.choices import Channel, OutboxStatus
from champions.choices import ConsentKind, Stage
from champions.models import GroupMessage
from champions.selectors.messages import group_message_audience, group_message_statuses, sms_parts
from champions.services.messages import group_message_queue, group_message_send
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import AreaFactory, ChampionFactory, ConsentFactory

pytestmark = pytest.mark.django_db


def _texting(**kwargs):
    champion = ChampionFactory(consenting=True, phone="+447911123456", **kwargs)
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_TEXT)
    return champion


@pytest.fixture
def ward():
    area = AreaFactory(name="Victoria")
    people = {
        "ann": ChampionFactory(area=area, active=True, consenting=True, preferred_name="Ann"),
        "bo": _texting(area=area, active=True, preferred_name="Bo", preferred_channel="sms"),
        "cy": ChampionFactory(area=area, active=True, preferred_name="Cy"),  # no consent
        "di": ChampionFactory(area=area, alumni=True, consenting=True, preferred_name="Di"),
        "ed": ChampionFactory(
            area=area, active=True, consenting=True, preferred_name="Ed", preferred_channel="sms"
        ),  # prefers texts, has no number
    }
    ChampionFactory(active=True, consenting=True, preferred_name="Elsewhere")
    return area, people


def _message(area, channel=GroupMessage.ChannelChoice.PREFERRED, **kwargs):
    return GroupMessage.objects.create(
        subject="Stall on Saturday",
        body="Hi {first_name}, the stall is on.",
        channel=channel,
        area=area,
        **kwargs,
    )


def test_the_audience_shows_each_channel_and_who_is_left_out_and_why(
    ward, django_assert_num_queries
):
    area, _ = ward
    message = _message(area)
    # Hand-picked or not, the champions, their current consents: however many recipients.
    with django_assert_num_queries(3):
        audience = {
            r.champion.preferred_name: (r.channel, r.reason)
            for r in group_message_audience(message)
        }
    assert audience == {
        "Ann": ("email", ""),
        "Bo": ("sms", ""),
        "Cy": ("", "No consent: contact by e-mail"),
        "Di": ("", "Alumni"),
        "Ed": ("email", ""),  # preferred text is impossible: e-mail instead
    }


def test_a_text_only_message_leaves_out_those_without_a_number_or_consent(ward):
    area, _ = ward
    audience = {
        r.champion.preferred_name: r.reason
        for r in group_message_audience(_message(area, channel=Channel.SMS))
    }
    assert audience["Bo"] == ""
    assert audience["Ann"] == audience["Ed"] == "No mobile number"


def test_sending_queues_one_copy_per_recipient_once_with_placeholders(
    ward, django_capture_on_commit_callbacks, capsys
):
    area, _ = ward
    message = _message(area, stage=Stage.ACTIVE)
    coordinator = CoordinatorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        group_message_send(message=message, by=coordinator)
        group_message_send(message=message, by=coordinator)
    assert group_message_queue(message_id=message.pk) == 0  # the job ran; a rerun adds nothing
    rows = {row.user.champion.preferred_name: row for row in group_message_statuses(message)}
    assert set(rows) == {"Ann", "Bo", "Ed"}
    assert {r.status for r in rows.values()} == {OutboxStatus.SENT}
    assert rows["Bo"].channel == Channel.SMS and rows["Bo"].address == "+447911123456"
    assert "SMS to +447911123456" in capsys.readouterr().out
    assert sorted(m.body for m in mail.outbox) == [
        "Hi Ann, the stall is on.",
        "Hi Ed, the stall is on.",
    ]


def test_sms_length_and_parts():
    assert sms_parts("a" * 160) == (160, 1)
    assert sms_parts("a" * 161) == (161, 2)
    assert sms_parts("Salaam 😊") == (9, 1)  # an emoji is two UCS-2 units
    assert sms_parts("ü" * 70 + "😊") == (72, 2)


def test_sms_parts_at_each_boundary():
    # GSM-7: 160 in one part, then 153 a part; UCS-2 (any other letter): 70, then 67.
    assert sms_parts("") == (0, 1)
    assert sms_parts("a" * 306) == (306, 2)
    assert sms_parts("a" * 307) == (307, 3)
    assert sms_parts("€" * 80) == (160, 1)  # in GSM-7's extended table: two each
    assert sms_parts("a" * 159 + "€") == (161, 2)
    assert sms_parts("ł" * 70) == (70, 1)
    assert sms_parts("ł" * 134) == (134, 2)
    assert sms_parts("ł" * 135) == (135, 3)
