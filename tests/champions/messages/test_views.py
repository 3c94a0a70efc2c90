"""A champion's "Messages": their own messages only, on the dashboard and on one page."""

import pytest
from django.urls import reverse

from accounts.services.outbox import outbox_message_queue
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


def _message(champion, n, subject="Your activity log was approved"):
    return outbox_message_queue(
        key=f"test.message.{champion.pk}.{n}",
        user=champion.user,
        address=champion.user.email,
        subject=subject,
        body=f"Body {n} for {champion.preferred_name}",
        deliver=False,
    )


def test_a_champion_sees_their_own_messages_and_no_one_else_s(client):
    me, other = ChampionFactory(preferred_name="Jo"), ChampionFactory(preferred_name="Kim")
    for n in range(25):
        _message(me, n)
    _message(other, 1, subject="Kim's secret")
    client.force_login(me.user)
    response = client.get(reverse("champions:messages"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<article class="message">') == 20 and "Page 1 of 2" in html
    assert "Kim" not in html and "Kim&#x27;s secret" not in html
    assert "Queued" in html


def test_the_page_runs_the_same_queries_however_many_messages(client, django_assert_num_queries):
    me = ChampionFactory()
    client.force_login(me.user)
    client.get(reverse("champions:messages"))
    for n in range(5):
        _message(me, n)
    with django_assert_num_queries(7):  # the menu asks whether a consultation is open
        client.get(reverse("champions:messages"))
    for n in range(5, 20):
        _message(me, n)
    with django_assert_num_queries(7):  # the menu asks whether a consultation is open
        client.get(reverse("champions:messages"))


def test_the_dashboard_shows_the_latest_three(client):
    me = ChampionFactory(preferred_name="Jo")
    for n in range(4):
        _message(me, n, subject=f"Subject {n}")
    client.force_login(me.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert 'id="messages-heading"' in html
    assert html.count("Body ") == 3 and reverse("champions:messages") in html
