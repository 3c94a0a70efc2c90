"""Champions type in responses collected on paper or face to face, from their dashboard; each
records who entered it and where, counts as people reached, and is in their data download."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from champions.services.privacy import champion_anonymise
from events.forms.consultations import PaperResponseForm
from events.models import ConsultationResponse
from tests.factories.champions import ChampionFactory
from tests.factories.events import (
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
    EventFactory,
    RegistrationFactory,
)
from tests.fuzz import assert_handled, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    return ConsultationQuestionFactory(
        consultation=ConsultationFactory(title="Family survey 2026", slug="family-2026"),
        required=True,
    )


def _paper_url(question):
    return reverse("consultations:paper", args=[question.consultation.slug])


def test_dashboard_offers_paper_entry_and_counts_people_reached(client, question):
    champion = ChampionFactory(active=True)
    ConsultationResponseFactory.create_batch(
        2, consultation=question.consultation, paper=True, entered_by=champion
    )
    ConsultationResponseFactory(consultation=question.consultation, paper=True)
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "Parent voice" in html
    assert _paper_url(question) in html
    assert "People reached through surveys you entered</dt><dd>2</dd>" in html


def test_champion_enters_a_paper_response_recording_who_and_where(client, question):
    champion = ChampionFactory(active=True)
    client.force_login(champion.user)
    response = client.post(
        _paper_url(question),
        {"channel": "paper", "where": "Stall at the library", f"q{question.pk}": "Childcare"},
    )
    assert response.status_code == 302
    stored = ConsultationResponse.objects.get()
    assert (stored.entered_by, stored.channel, stored.where) == (
        champion,
        "paper",
        "Stall at the library",
    )
    assert list(stored.answers.values_list("choice", flat=True)) == ["Childcare"]


def test_paper_entry_needs_where_and_the_required_answers(client, question):
    client.force_login(ChampionFactory(active=True).user)
    response = client.post(_paper_url(question), {"channel": "paper"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say where you collected it." in html
    assert f"Answer “{question.text}”." in html
    assert not ConsultationResponse.objects.exists()


def test_only_active_champions_enter_responses(client, question):
    client.force_login(ChampionFactory().user)
    assert client.get(_paper_url(question)).status_code == 403


def test_the_public_cannot_enter_paper_responses(client, question):
    response = client.get(_paper_url(question))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_paper_entry_stops_when_the_consultation_closes(client):
    question = ConsultationQuestionFactory(consultation=ConsultationFactory(closed=True))
    client.force_login(ChampionFactory(active=True).user)
    response = client.post(_paper_url(question), {"channel": "paper", "where": "Stall"})
    assert response.status_code == 410
    assert not ConsultationResponse.objects.exists()


def test_entered_responses_are_in_my_data_and_erasure_clears_where(client, question):
    champion = ChampionFactory(active=True)
    ConsultationResponseFactory(
        consultation=question.consultation, paper=True, entered_by=champion, where="Library"
    )
    client.force_login(champion.user)
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("champions:my_data")).content))
    data = json.loads(archive.read("my-data.json"))
    assert data["consultation_responses_entered"][0]["where"] == "Library"
    champion_anonymise(champion=champion, reason="Asked to be forgotten")
    response = ConsultationResponse.objects.get()
    assert response.where == "" and response.entered_by == champion


def test_a_paper_response_can_name_an_event_the_champion_was_booked_on(client, question):
    champion = ChampionFactory(active=True)
    stall = EventFactory(title="Stall at the fun day", starts_at=question.consultation.opens_at)
    RegistrationFactory(champion=champion, event=stall)
    elsewhere = EventFactory(title="Someone else's event", starts_at=stall.starts_at)
    client.force_login(champion.user)
    html = client.get(_paper_url(question)).content.decode()
    assert "Stall at the fun day" in html and "Someone else" not in html
    answers = {"channel": "event", "where": "Fun day", f"q{question.pk}": "Childcare"}
    refused = client.post(_paper_url(question), {**answers, "event": elsewhere.pk})
    assert refused.status_code == 400
    assert "Choose one of the events you were booked on." in refused.content.decode()
    assert client.post(_paper_url(question), {**answers, "event": "x"}).status_code == 400
    assert not ConsultationResponse.objects.exists()
    assert client.post(_paper_url(question), {**answers, "event": stall.pk}).status_code == 302
    stored = ConsultationResponse.objects.get()
    assert (stored.event, stored.entered_by, stored.channel) == (stall, champion, "event")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=form_data(PaperResponseForm))
def test_fuzzed_paper_entry_never_500(client, question, data):
    champion = ChampionFactory(active=True)
    client.force_login(champion.user)
    before = ConsultationResponse.objects.count()
    response = client.post(_paper_url(question), data)
    assert_handled(response)
    stored = ConsultationResponse.objects.count() - before
    assert stored == (1 if response.status_code == 302 else 0)
