"""The coordinator's group-message screens: compose, preview, send once, the message's page."""

import re
import uuid
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given

from accounts.choices import OutboxStatus
from accounts.models import OutboxMessage
from champions.choices import ConsentKind, Stage
from champions.forms.messages import GroupMessageForm
from champions.models import Consent, GroupMessage
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import AreaFactory, ChampionFactory, ConsentFactory
from tests.factories.events import EventFactory, RegistrationFactory
from tests.fuzz import assert_handled, form_data, query_params

pytestmark = pytest.mark.django_db

COMPOSE = "champions_groupmessage:compose"


def _texting(**kwargs):
    champion = ChampionFactory(consenting=True, phone="+447911123456", **kwargs)
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_TEXT)
    return champion


@pytest.fixture
def ward():
    """Two reachable by e-mail, one by text, and one left out for each reason."""
    area = AreaFactory(name="Victoria")
    ChampionFactory(area=area, active=True, consenting=True, preferred_name="Ann")
    _texting(area=area, active=True, preferred_name="Bo", preferred_channel="sms")
    ChampionFactory(area=area, active=True, preferred_name="Cy")  # no consent
    ChampionFactory(area=area, alumni=True, consenting=True, preferred_name="Di")
    ChampionFactory(
        area=area, active=True, consenting=True, preferred_name="Ed", preferred_channel="sms"
    )  # prefers texts but has no number: e-mail instead
    ChampionFactory(
        area=area, active=True, consenting=True, preferred_name="Fay", anonymised_at=timezone.now()
    )
    ChampionFactory(active=True, consenting=True, preferred_name="Elsewhere")
    return area


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def _compose(client, **data):
    token = client.get(reverse(COMPOSE)).context["form"].initial["token"]
    fields = {
        "subject": "Stall on Saturday",
        "body": "Hi {first_name}, the stall is on.",
        "channel": "preferred",
        "token": str(token),
        **data,
    }
    return client.post(reverse(COMPOSE), fields), fields


def test_preview_counts_match_the_database_and_say_who_is_left_out_and_why(
    coordinator_client, ward
):
    response, _ = _compose(coordinator_client, area=ward.pk)
    assert response.status_code == 200
    preview = response.context["preview"]
    in_ward = ward.champions.exclude(stage=Stage.ALUMNI).filter(anonymised_at__isnull=True)
    emailable = in_ward.filter(consents__kind=ConsentKind.CONTACT_EMAIL).distinct()
    texted = in_ward.filter(
        preferred_channel="sms", consents__kind=ConsentKind.CONTACT_TEXT
    ).exclude(phone="")
    assert (
        preview.per_channel
        == {
            "email": emailable.count() - texted.count(),
            "sms": texted.count(),
        }
        == {"email": 2, "sms": 1}
    )
    left_out = {r.champion.preferred_name: r.reason for r in preview.left_out}
    assert len(left_out) == ward.champions.count() - 3
    assert left_out["Cy"] == "No consent: contact by e-mail"
    assert left_out["Di"] == "Alumni"
    assert list(left_out.values()).count("Anonymised") == 1
    html = response.content.decode()
    assert 'data-count="email">2<' in html and 'data-count="sms">1<' in html
    assert "Hi Bo, the stall is on." in html  # a sample, as a text message
    assert "23 characters, 1 SMS part." in html
    assert "No consent: contact by e-mail" in html and "Alumni" in html
    assert not GroupMessage.objects.exists()  # nothing sent before confirming


def test_a_text_only_message_leaves_out_those_without_a_number(coordinator_client, ward):
    response, _ = _compose(coordinator_client, area=ward.pk, channel="sms")
    reasons = {r.champion.preferred_name: r.reason for r in response.context["preview"].left_out}
    assert reasons["Ann"] == reasons["Ed"] == "No mobile number"
    assert response.context["preview"].per_channel == {"email": 0, "sms": 1}


def test_confirming_twice_sends_one_copy_to_each_recipient(
    coordinator_client, ward, django_capture_on_commit_callbacks
):
    _, fields = _compose(coordinator_client, area=ward.pk)
    with django_capture_on_commit_callbacks(execute=True):
        first = coordinator_client.post(reverse(COMPOSE), {**fields, "send": "1"})
        second = coordinator_client.post(reverse(COMPOSE), {**fields, "send": "1"})
    message = GroupMessage.objects.get()
    assert first.url == second.url == reverse("champions_groupmessage:inspect", args=[message.pk])
    rows = OutboxMessage.objects.filter(batch=message.outbox_batch)
    names = sorted(row.user.champion.preferred_name for row in rows)
    assert names == ["Ann", "Bo", "Ed"]
    assert message.sent_at is not None and message.area == ward


def test_the_message_page_shows_each_status_with_the_reason_and_totals(
    coordinator_client, ward, django_capture_on_commit_callbacks
):
    _, fields = _compose(coordinator_client, area=ward.pk)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(reverse(COMPOSE), {**fields, "send": "1"})
    message = GroupMessage.objects.get()
    bo = OutboxMessage.objects.get(batch=message.outbox_batch, channel="sms")
    bo.status, bo.last_error = OutboxStatus.FAILED, "Invalid mobile number"
    bo.save()
    OutboxMessage.objects.filter(batch=message.outbox_batch, channel="email").update(
        status=OutboxStatus.DELIVERED
    )
    response = coordinator_client.get(reverse("champions_groupmessage:inspect", args=[message.pk]))
    html = response.content.decode()
    assert 'data-status-total="Delivered">Delivered: 2<' in html
    assert 'data-status-total="Failed">Failed: 1<' in html
    assert 'data-status-total="Queued">Queued: 0<' in html
    assert "Invalid mobile number" in html
    listing = coordinator_client.get(reverse("champions_groupmessage:index")).content.decode()
    assert "Stall on Saturday" in listing


def _message_with(recipients: int) -> GroupMessage:
    message = GroupMessage.objects.create(subject="Hello", body="Hi", area=AreaFactory())
    for n in range(recipients):
        champion = ChampionFactory(area=message.area)
        OutboxMessage.objects.create(
            key=f"{message.outbox_batch}.{n}",
            user=champion.user,
            address=champion.user.email,
            subject="Hello",
            body="Hi",
            batch=message.outbox_batch,
        )
    return message


def test_the_message_page_takes_the_same_queries_however_many_recipients(coordinator_client):
    counts = []
    for recipients in (2, 12):
        url = reverse("champions_groupmessage:inspect", args=[_message_with(recipients).pk])
        coordinator_client.get(url)  # warm the per-request caches (site, permissions)
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(url)
        assert len(response.context["rows"]) == recipients
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_message_page_is_paginated(coordinator_client):
    message = _message_with(55)
    url = reverse("champions_groupmessage:inspect", args=[message.pk])
    assert len(coordinator_client.get(url).context["rows"]) == 50
    assert len(coordinator_client.get(url, {"page": "2"}).context["rows"]) == 5
    assert coordinator_client.get(url, {"page": "x"}).status_code == 200


def test_event_filter_reaches_the_waiting_list_with_the_event_s_date_and_place(
    coordinator_client,
):
    event = EventFactory(venue_name="Victoria Library")
    waiting = ChampionFactory(active=True, consenting=True, preferred_name="Wyn")
    RegistrationFactory(event=event, champion=waiting, waiting=True)
    RegistrationFactory(event=event, champion=ChampionFactory(active=True, consenting=True))
    RegistrationFactory(
        event=event, champion=ChampionFactory(active=True, consenting=True), present=True
    )
    response, _ = _compose(
        coordinator_client,
        event=event.pk,
        event_state="waiting",
        body="Hi {first_name}, a place at {event_place} on {event_date}?",
    )
    preview = response.context["preview"]
    assert [r.champion for r in preview.audience] == [waiting]
    when = timezone.localtime(event.starts_at)
    assert preview.rendered == (
        f"Hi Wyn, a place at Victoria Library on {when:%A %-d %B %Y} at {when:%-H:%M}?"
    )
    attended, _ = _compose(coordinator_client, event=event.pk, event_state="attended")
    assert len(attended.context["preview"].audience) == 1


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({}, None, "Choose who gets it"),
        ({"area": "ward", "body": "Hi {name}"}, "body", "Unknown placeholder {name}"),
        ({"area": "ward", "body": "On {event_date}"}, "body", "need an event"),
        ({"area": "ward", "subject": "  "}, "subject", "Enter a subject."),
        ({"training_state": "expired"}, "training_module", "Choose the training module."),
        ({"area": "ward", "channel": "sms", "body": "x" * 919}, "body", "at most 918"),
        ({"area": "ward", "token": "nope"}, "token", "start the message again"),
    ],
)
def test_compose_explains_what_is_wrong(coordinator_client, ward, data, field, error):
    data = {k: (ward.pk if v == "ward" else v) for k, v in data.items()}
    response, _ = _compose(coordinator_client, **data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(error in message for message in errors[field or "__all__"])


def test_the_champions_listing_sends_a_message_to_those_ticked(coordinator_client, ward):
    ann, bo = ward.champions.filter(preferred_name__in=["Ann", "Bo"]).order_by("preferred_name")
    listing = coordinator_client.get(reverse("champions_champion:index")).content.decode()
    assert "Send a message" in listing and "data-bulk-action-checkbox" in listing
    bulk = reverse("wagtail_bulk_action", args=["champions", "champion", "send_message"])
    response = coordinator_client.get(bulk, {"id": [ann.pk, bo.pk]}, follow=True)
    assert response.status_code == 200
    assert response.context["form"].initial["chosen"] == [ann.pk, bo.pk]
    token = response.context["form"].initial["token"]
    preview = coordinator_client.post(
        reverse(COMPOSE),
        {
            "subject": "Hi",
            "body": "Hi",
            "channel": "email",
            "token": token,
            "chosen": [ann.pk, bo.pk],
        },
    ).context["preview"]
    assert [r.champion for r in preview.audience] == [ann, bo]


@pytest.mark.parametrize("ids", [["abc"], ["99999999999999999999"], ["0"], ["-1"], ["1 OR 1"]])
def test_bad_ids_from_the_listing_are_a_clear_error(coordinator_client, ids):
    response = coordinator_client.get(reverse(COMPOSE), {"id": ids})
    assert response.status_code == 400
    assert "pick them again" in response.content.decode()


def test_chosen_and_filters_together_are_refused(coordinator_client, ward):
    response, _ = _compose(coordinator_client, area=ward.pk, chosen=[ward.champions.first().pk])
    assert "not both" in str(response.context["form"].errors)


@pytest.fixture
def sent_message(ward):
    return GroupMessage.objects.create(subject="Sent one", body="Hi", area=ward)


def _refused(response):
    """Wagtail answers a refused permission by sending the user back to the dashboard."""
    return (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def test_viewers_see_sent_messages_but_may_not_compose_or_send(client, sent_message, ward):
    client.force_login(ViewerFactory())
    assert "Sent one" in client.get(reverse("champions_groupmessage:index")).content.decode()
    inspect = reverse("champions_groupmessage:inspect", args=[sent_message.pk])
    assert client.get(inspect).status_code == 200
    assert client.get(reverse(COMPOSE)).status_code == 403
    data = {"subject": "x", "body": "x", "channel": "email", "area": ward.pk, "send": "1"}
    assert client.post(reverse(COMPOSE), data).status_code == 403
    bulk = reverse("wagtail_bulk_action", args=["champions", "champion", "send_message"])
    assert _refused(client.get(bulk, {"id": [ward.champions.first().pk]}))
    assert (
        "Send a message" not in client.get(reverse("champions_groupmessage:index")).content.decode()
    )
    assert GroupMessage.objects.count() == 1


def test_coordinators_hold_the_send_permission_and_viewers_do_not():
    assert CoordinatorFactory().has_perm("champions.send_groupmessage")
    assert not ViewerFactory().has_perm("champions.send_groupmessage")
    assert ViewerFactory().has_perm("champions.view_groupmessage")


def test_champions_never_reach_the_message_screens(client, sent_message):
    champion = ChampionFactory(active=True, consenting=True)
    client.force_login(champion.user)
    for url in (
        reverse(COMPOSE),
        reverse("champions_groupmessage:index"),
        reverse("champions_groupmessage:inspect", args=[sent_message.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Sent one" not in response.content.decode()
    assert Consent.objects.filter(champion=champion).exists()


@given(data=form_data(GroupMessageForm))
def test_compose_and_preview_never_fail_on_any_input(coordinator_client, data):
    assert_handled(coordinator_client.post(reverse(COMPOSE), data))
    assert_handled(coordinator_client.post(reverse(COMPOSE), {**data, "change": "1"}))


@given(data=form_data(GroupMessageForm, area="", stage="active", token=str(uuid.uuid4())))
def test_sending_never_fails_on_any_input(coordinator_client, data):
    assert_handled(coordinator_client.post(reverse(COMPOSE), {**data, "send": "1"}))


@given(params=query_params("id", "page", "channel", "sent_at", "q", "ordering"))
def test_compose_and_the_message_list_with_any_query_string(coordinator_client, params):
    assert_handled(coordinator_client.get(reverse(COMPOSE), params))
    assert_handled(coordinator_client.get(reverse("champions_groupmessage:index"), params))


def test_the_preview_s_send_button_carries_the_whole_message(
    coordinator_client, ward, django_capture_on_commit_callbacks
):
    ann, bo = ward.champions.filter(preferred_name__in=["Ann", "Bo"]).order_by("preferred_name")
    token = coordinator_client.get(reverse(COMPOSE)).context["form"].initial["token"]
    body = "Hi {first_name},\nsee you & yours <soon>."
    preview = coordinator_client.post(
        reverse(COMPOSE),
        {"subject": "Hi", "body": body, "channel": "preferred", "token": token},
    )
    assert "Choose who gets it" in preview.content.decode()  # no one chosen yet
    data = {"subject": "Hi", "body": body, "channel": "preferred", "token": token}
    preview = coordinator_client.post(reverse(COMPOSE), {**data, "chosen": [ann.pk, bo.pk]})
    html = preview.content.decode()
    confirm = html[html.index('<div class="message-preview">') :]
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', confirm)
    posted = {}
    for name, value in hidden:
        posted.setdefault(name, []).append(unescape(value))
    assert posted["chosen"] == [str(ann.pk), str(bo.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(reverse(COMPOSE), {**posted, "send": "1"})
    message = GroupMessage.objects.get()
    assert message.body == body
    assert list(message.chosen.order_by("preferred_name")) == [ann, bo]
    rows = OutboxMessage.objects.filter(batch=message.outbox_batch).order_by("channel")
    assert [(r.channel, r.body.splitlines()[0]) for r in rows] == [
        ("email", "Hi Ann,"),
        ("sms", "Hi Bo,"),
    ]
