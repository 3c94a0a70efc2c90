"""Fuzzing the events pages' filters and booking: bad input is a page, a redirect or a 4xx."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from events.forms.booking import EventFilterForm
from tests.factories.champions import ChampionFactory
from tests.factories.events import EventFactory
from tests.fuzz import assert_handled, form_data, nasty_text, query_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion_client(client):
    champion = ChampionFactory(active=True, consenting=True)
    client.force_login(champion.user)
    return client


@given(params=form_data(EventFilterForm))
def test_event_list_filters(champion_client, params):
    assert_handled(champion_client.get(reverse("events:list"), params))


@given(next_url=nasty_text())
def test_booking_and_cancelling_with_any_next(champion_client, next_url):
    event = EventFactory(capacity=1)
    booked = champion_client.post(reverse("events:book", args=[event.pk]), {"next": next_url})
    assert_handled(booked)
    registration = event.registrations.get()
    cancelled = champion_client.post(
        reverse("events:cancel", args=[registration.pk]), {"next": next_url}
    )
    assert_handled(cancelled)


@given(params=query_params("page"), token=st.one_of(nasty_text(80), st.just("public")))
def test_public_list_and_calendar_feeds(client, params, token):
    assert_handled(client.get(reverse("events:public"), params))
    assert_handled(client.get("/calendar/" + token.replace("/", "") + ".ics"))
