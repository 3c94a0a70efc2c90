"""Public results show only what staff published: never a count under 5, never free text unless
staff approved that answer."""

import pytest
from django.urls import reverse

from tests.factories.events import (
    ConsultationAnswerFactory,
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_survey():
    consultation = ConsultationFactory(closed=True, slug="family-2025", title="Family survey 2025")
    published = ConsultationQuestionFactory(
        consultation=consultation, published=True, text="What helps most?"
    )
    private = ConsultationQuestionFactory(consultation=consultation, text="Private question?")
    few = ConsultationQuestionFactory(consultation=consultation, published=True, text="Rare one?")
    free = ConsultationQuestionFactory(
        consultation=consultation, free_text=True, published=True, text="Anything else?"
    )
    responses = ConsultationResponseFactory.create_batch(12, consultation=consultation)
    for i, response in enumerate(responses):
        choice = "Childcare" if i < 7 else "Places to meet"
        ConsultationAnswerFactory(response=response, question=published, choice=choice)
        ConsultationAnswerFactory(response=response, question=private, choice="Childcare")
        ConsultationAnswerFactory(
            response=response,
            question=free,
            choice="",
            text="Evening clinics please" if i == 0 else f"My neighbour Jo Bloggs {i}",
            approved_for_publication=i == 0,
        )
    for response in responses[:3]:
        ConsultationAnswerFactory(response=response, question=few, choice="Childcare")
    return consultation


def _html(client, consultation):
    response = client.get(reverse("consultations:results", args=[consultation.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_public_results_show_only_published_questions_answered_by_5_or_more(client, closed_survey):
    html = _html(client, closed_survey)
    assert "58% (7 of 12)" in html and "42% (5 of 12)" in html
    assert "Private question?" not in html
    # Only 3 answered "Rare one?": the whole question is left out.
    assert "Rare one?" not in html


def test_public_results_quote_only_approved_free_text(client, closed_survey):
    html = _html(client, closed_survey)
    assert "Evening clinics please" in html
    assert "Jo Bloggs" not in html


def test_have_your_say_links_published_results_and_unpublished_are_404(client, closed_survey):
    assert (
        "Results of Family survey 2025"
        in client.get(reverse("consultations:list")).content.decode()
    )
    unpublished = ConsultationFactory(closed=True)
    ConsultationQuestionFactory(consultation=unpublished)
    url = reverse("consultations:results", args=[unpublished.slug])
    assert client.get(url).status_code == 404


def test_closing_keeps_the_results(client, closed_survey):
    assert closed_survey.responses.count() == 12
    assert "58% (7 of 12)" in _html(client, closed_survey)
