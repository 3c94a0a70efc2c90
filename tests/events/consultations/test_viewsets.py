"""Building a consultation in the admin: its details and ordered questions in one form."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.choices import QuestionKind
from events.models import Consultation
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import AreaFactory
from tests.factories.events import ConsultationAnswerFactory, ConsultationQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def _question(kind, text, order, **extra):
    return {
        "kind": kind,
        "text": text,
        "help_text": "",
        "options": "",
        "scale_points": 5,
        "scale_low_label": "Very poor",
        "scale_high_label": "Very good",
        "ORDER": order,
        **extra,
    }


def _data(area, questions):
    data = nested_form_data(
        {
            "title": "Family survey 2026",
            "slug": "family-survey-2026",
            "purpose": "What would help families most.",
            "audience": "Parents of children under 5",
            "opens_at": "2026-01-05 09:00",
            "closes_at": "2026-02-28 17:00",
            "consent_statement": "Your answers are anonymous.",
            "questions": inline_formset(questions),
        }
    )
    data["areas"] = [area.pk]
    return data


def test_coordinator_builds_a_consultation_with_ordered_questions(coordinator_client):
    area = AreaFactory()
    questions = [
        _question(QuestionKind.FREE_TEXT, "Anything else?", 3),
        _question(
            QuestionKind.MULTIPLE,
            "What would help?",
            1,
            options="Childcare\nPlaces to meet",
            allow_other="on",
            required="on",
        ),
        _question(QuestionKind.RATING, "How good are local services?", 2),
        _question(QuestionKind.AGE_BAND, "How old is your youngest child?", 4, required="on"),
    ]
    response = coordinator_client.post(reverse("events_consultation:add"), _data(area, questions))
    assert response.status_code == 302, response.context["form"].errors
    consultation = Consultation.objects.get()
    assert list(consultation.areas.all()) == [area]
    stored = list(consultation.questions.values_list("text", "kind", "required"))
    assert stored == [
        ("What would help?", "multiple", True),
        ("How good are local services?", "rating", False),
        ("Anything else?", "free_text", False),
        # "About you" questions are always optional, whatever the editor ticked.
        ("How old is your youngest child?", "age_band", False),
    ]
    assert consultation.questions.first().choices()[-1] == ("other", "Other")


def test_a_choice_question_without_options_is_refused_with_a_message(coordinator_client):
    questions = [_question(QuestionKind.SINGLE, "Which one?", 1)]
    response = coordinator_client.post(
        reverse("events_consultation:add"), _data(AreaFactory(), questions)
    )
    assert response.status_code == 200
    assert "Give at least one option, one a line." in response.content.decode()
    assert not Consultation.objects.exists()


def test_closing_before_opening_is_refused(coordinator_client):
    data = _data(AreaFactory(), [])
    data["closes_at"] = "2026-01-01 09:00"
    response = coordinator_client.post(reverse("events_consultation:add"), data)
    assert "The closing time must be after it opens." in response.content.decode()


def test_listing_shows_response_counts(coordinator_client):
    question = ConsultationQuestionFactory(consultation__title="Stalls survey")
    for _ in range(3):
        ConsultationAnswerFactory(question=question)
    html = coordinator_client.get(reverse("events_consultation:index")).content.decode()
    assert "Stalls survey" in html
    assert ">3<" in html.replace(" ", "").replace("\n", "")
