"""The results' counts come from the cache until the responses counted change: a response added
or removed, under any filter, shows at once; the free-text answers are paged newest first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from champions.models import ProtectiveFactor
from events.models import ConsultationAnswer
from events.selectors.consultations import consultation_results
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import AreaFactory
from tests.factories.events import (
    ConsultationAnswerFactory,
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    consultation = ConsultationFactory()
    single = ConsultationQuestionFactory(consultation=consultation, text="What helps most?")
    multiple = ConsultationQuestionFactory(consultation=consultation, multiple=True)
    north = AreaFactory(name="North")
    for i in range(6):
        response = ConsultationResponseFactory(consultation=consultation, area=north)
        ConsultationAnswerFactory(response=response, question=single, choice="Childcare")
        for choice in ["Childcare", "Places to meet"][: 1 + i % 2]:
            ConsultationAnswerFactory(response=response, question=multiple, choice=choice)
    return consultation, single, multiple, north


def _figures(consultation, **filters):
    results = consultation_results(consultation, **filters)
    return results.total, [(q.base, [o.n for o in q.options]) for q in results.questions]


def _answer(consultation, single, multiple, **response):
    added = ConsultationResponseFactory(consultation=consultation, **response)
    ConsultationAnswerFactory(response=added, question=single, choice="Places to meet")
    ConsultationAnswerFactory(response=added, question=multiple, choice="Childcare")
    ConsultationAnswerFactory(response=added, question=multiple, choice="other")
    return added


def test_a_second_read_takes_the_counts_from_the_cache(survey):
    consultation, *_ = survey
    with CaptureQueriesContext(connection) as first:
        cold = _figures(consultation)
    with CaptureQueriesContext(connection) as second:
        warm = _figures(consultation)
    assert cold == warm == (6, [(6, [0, 0, 6]), (6, [0, 3, 6, 0])])
    # The two counting queries (rows per answer, distinct multiple-choice respondents).
    assert len(second.captured_queries) == len(first.captured_queries) - 2


def test_a_response_added_after_a_read_shows_at_once(survey):
    consultation, single, multiple, north = survey
    for filters in ({}, {"area": north}, {"channel": "online"}):
        assert _figures(consultation, **filters)[0] == 6  # now in the cache
    _answer(consultation, single, multiple, area=north)
    expected = (7, [(7, [0, 1, 6]), (7, [0, 3, 7, 1])])
    assert _figures(consultation) == expected
    assert _figures(consultation, area=north) == expected
    assert _figures(consultation, channel="online") == expected
    assert _figures(consultation, channel="paper") == (0, [(0, [0, 0, 0]), (0, [0, 0, 0, 0])])


def test_a_response_removed_after_a_read_shows_at_once(survey):
    consultation, single, multiple, north = survey
    added = _answer(consultation, single, multiple, area=north)
    assert _figures(consultation)[0] == _figures(consultation, area=north)[0] == 7
    added.delete()
    assert _figures(consultation) == (6, [(6, [0, 0, 6]), (6, [0, 3, 6, 0])])
    assert _figures(consultation, area=north)[0] == 6


def test_a_response_moving_out_of_a_filter_shows_at_once(survey):
    consultation, _single, _multiple, north = survey
    south = AreaFactory(name="South")
    moved = consultation.responses.order_by("pk").first()
    assert _figures(consultation, area=south)[0] == 0
    moved.area = south
    moved.save()
    assert _figures(consultation, area=south) == (1, [(1, [0, 0, 1]), (1, [0, 0, 1, 0])])
    assert _figures(consultation, area=north)[0] == 5


def test_a_question_turned_into_multiple_choice_is_counted_afresh(survey):
    consultation, single, *_ = survey
    ConsultationAnswerFactory(
        response=consultation.responses.first(), question=single, choice="Places to meet"
    )
    assert _figures(consultation)[1][0][0] == 7  # one row each: 7 rows, 7 "answered"
    single.kind = "multiple"
    single.save()
    assert _figures(consultation)[1][0][0] == 6  # 6 people ticked one or both


def test_free_text_is_paged_newest_first_with_its_tags_ticked(client, survey):
    consultation, *_ = survey
    free = ConsultationQuestionFactory(consultation=consultation, free_text=True)
    answers = [
        ConsultationAnswerFactory(question=free, choice="", text=f"Thought number {i:02}")
        for i in range(52)
    ]
    factor = ProtectiveFactor.objects.first()
    answers[-1].protective_factors.add(factor)
    client.force_login(CoordinatorFactory())
    url = reverse("events_consultation:results", args=[consultation.pk])
    first = client.get(url).content.decode()
    assert first.index("Thought number 51") < first.index("Thought number 50")
    assert "Thought number 01" not in first and "Page 1 of 2" in first
    assert f'value="{factor.pk}" checked' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Thought number 01" in second and "Thought number 00" in second
    assert "Thought number 02" not in second
    assert ConsultationAnswer.objects.filter(question=free).count() == 52
