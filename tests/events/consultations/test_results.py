"""Staff results: "% (n) of N who answered" equals direct counts, with skipped questions,
multiple choice over 100%, filters, free-text tagging, formula-safe downloads, constant queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from champions.models import ProtectiveFactor
from events.models import ConsultationAnswer
from events.selectors.consultations import consultation_results, percent
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
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
    """7 responses: 5 answered the single-choice question (2 skipped it); the multiple-choice
    question has 4 answering with 7 choices between them; one free-text answer."""
    consultation = ConsultationFactory(slug="family-2026")
    single = ConsultationQuestionFactory(consultation=consultation, text="What helps most?")
    multiple = ConsultationQuestionFactory(
        consultation=consultation, multiple=True, text="Where do you go?"
    )
    free = ConsultationQuestionFactory(consultation=consultation, free_text=True)
    north, south = AreaFactory(name="North"), AreaFactory(name="South")
    responses = [
        ConsultationResponseFactory(consultation=consultation, area=north if i < 4 else south)
        for i in range(5)
    ] + ConsultationResponseFactory.create_batch(2, consultation=consultation, paper=True)
    singles = ["Childcare", "Childcare", "Childcare", "Places to meet", "Childcare"]
    for response, choice in zip(responses, singles, strict=False):
        ConsultationAnswerFactory(response=response, question=single, choice=choice)
    for response, choices in zip(
        responses[2:],
        [
            ["Places to meet", "Childcare"],
            ["Childcare"],
            ["Places to meet", "other"],
            ["Mental health support", "Childcare"],
        ],
        strict=False,
    ):
        for choice in choices:
            ConsultationAnswerFactory(
                response=response,
                question=multiple,
                choice=choice,
                text='=HYPERLINK("http://x")' if choice == "other" else "",
            )
    ConsultationAnswerFactory(
        response=responses[0], question=free, choice="", text="More evening clinics"
    )
    return consultation, single, multiple, free, north, responses


def _option(results, question, value):
    result = next(r for r in results.questions if r.question == question)
    return result, next(o for o in result.options if o.value == value)


def test_percentages_and_bases_equal_direct_counts(survey):
    consultation, single, multiple, free, _north, _responses = survey
    results = consultation_results(consultation)
    assert results.total == 7
    for question in (single, multiple):
        answered = (
            ConsultationAnswer.objects.filter(question=question)
            .values("response_id")
            .distinct()
            .count()
        )
        for value, _label in question.choices():
            result, option = _option(results, question, value)
            n = ConsultationAnswer.objects.filter(question=question, choice=value).count()
            assert (option.n, option.base, result.base) == (n, answered, answered)
            assert option.percent == percent(n, answered)
            assert option.percent_of_all == percent(n, 7)
    result, childcare = _option(results, single, "Childcare")
    assert (childcare.n, childcare.base, childcare.percent, result.skipped) == (4, 5, 80, 2)
    multiple_result = next(r for r in results.questions if r.question == multiple)
    assert sum(o.percent for o in multiple_result.options) > 100
    assert next(r for r in results.questions if r.question == free).base == 1


def test_percent_rounds_halves_up():
    assert (percent(1, 8), percent(46, 128), percent(0, 0)) == (13, 36, 0)


def test_filters_by_area_and_channel(survey):
    consultation, single, _multiple, _free, north, _responses = survey
    by_area = consultation_results(consultation, area=north)
    assert by_area.total == 4
    assert _option(by_area, single, "Childcare")[1].n == 3
    paper = consultation_results(consultation, channel="paper")
    assert paper.total == 2 and _option(paper, single, "Childcare")[1].base == 0


def test_results_page_shows_figures_with_their_base(client, survey):
    consultation, *_ = survey
    client.force_login(ViewerFactory())
    html = client.get(
        reverse("events_consultation:results", args=[consultation.pk])
    ).content.decode()
    assert "80% (4)" in html and "of 5 who answered" in html
    assert "2 skipped it" in html
    assert "add up to more than 100" in html
    assert "<svg" in html and "More evening clinics" in html
    # A viewer reads the tags but cannot change them.
    assert "Save tags" not in html


def test_results_page_runs_a_constant_number_of_queries(client, survey):
    consultation, single, *_ = survey
    client.force_login(CoordinatorFactory())
    url = reverse("events_consultation:results", args=[consultation.pk])
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url + "?channel=online").status_code == 200
        return len(ctx.captured_queries)

    before = count()
    ConsultationQuestionFactory(consultation=consultation, rating=True)
    for _ in range(5):
        answer = ConsultationAnswerFactory(question=single, response__consultation=consultation)
        ConsultationAnswerFactory(
            question=ConsultationQuestionFactory(consultation=consultation, free_text=True),
            response=answer.response,
            choice="",
            text="Another thought",
        )
    assert count() == before


def test_staff_tag_a_free_text_answer(client, survey):
    _consultation, _s, _m, free, _n, _r = survey
    answer = ConsultationAnswer.objects.get(question=free)
    client.force_login(CoordinatorFactory())
    factor = ProtectiveFactor.objects.first()
    response = client.post(
        reverse("events_consultation:tag", args=[answer.pk]),
        {"theme": "Clinic times", "factors": [factor.pk], "approved": "on"},
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.theme == "Clinic times" and answer.approved_for_publication
    assert list(answer.protective_factors.all()) == [factor]


def test_viewers_cannot_tag(client, survey):
    _consultation, _s, _m, free, _n, _r = survey
    answer = ConsultationAnswer.objects.get(question=free)
    client.force_login(ViewerFactory())
    response = client.post(reverse("events_consultation:tag", args=[answer.pk]), {"theme": "x"})
    # The admin's 403 page, not Wagtail's redirect to the dashboard.
    assert response.status_code == 403
    answer.refresh_from_db()
    assert answer.theme == ""


def test_downloads_are_formula_safe(client, survey):
    consultation, _s, _m, free, _n, _r = survey
    ConsultationAnswerFactory(question=free, choice="", text="=SUM(A1:A9)")
    client.force_login(CoordinatorFactory())
    url = reverse("events_consultation:results", args=[consultation.pk])
    response = client.get(url + "?what=responses&export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1 + 8
    assert rows[-1][-1] == "'=SUM(A1:A9)"
    assert not any(cell.startswith("=") for row in rows for cell in row)
    summary = client.get(url + "?what=summary&export=xlsx")
    sheet = load_workbook(io.BytesIO(summary.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Question", "Answer", "Number"]
    assert ["What helps most?", "Childcare", 4, 5, 80, 8, 50] in values
