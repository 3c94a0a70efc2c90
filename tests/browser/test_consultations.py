"""The public consultation pages pass axe-core at phone and desktop widths, including the form
with its error messages, and a parent can answer one with the keyboard and a phone screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from events.models import ConsultationResponse
from tests.factories.champions import AreaFactory
from tests.factories.events import (
    ConsultationAnswerFactory,
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
)

from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def survey():
    consultation = ConsultationFactory(title="Family survey 2026", slug="family-2026")
    consultation.areas.add(AreaFactory(name="Kursaal"))
    ConsultationQuestionFactory(
        consultation=consultation, text="What would help most?", required=True
    )
    ConsultationQuestionFactory(consultation=consultation, multiple=True, text="Where do you meet?")
    ConsultationQuestionFactory(consultation=consultation, rating=True, text="How good is it?")
    ConsultationQuestionFactory(consultation=consultation, yes_no=True, text="Do you drive?")
    ConsultationQuestionFactory(consultation=consultation, free_text=True, text="Anything else?")
    ConsultationQuestionFactory(consultation=consultation, area=True, text="Where do you live?")
    return consultation


def _assert_accessible(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def published():
    consultation = ConsultationFactory(closed=True, slug="family-2025")
    question = ConsultationQuestionFactory(consultation=consultation, published=True)
    free = ConsultationQuestionFactory(consultation=consultation, free_text=True, published=True)
    for i, response in enumerate(
        ConsultationResponseFactory.create_batch(8, consultation=consultation)
    ):
        choice = "Childcare" if i < 6 else "Places to meet"
        ConsultationAnswerFactory(response=response, question=question, choice=choice)
        ConsultationAnswerFactory(
            response=response,
            question=free,
            choice="",
            text="Evening clinics",
            approved_for_publication=True,
        )
    return consultation


@pytest.mark.parametrize("width", [375, 1280])
def test_public_results_page_has_no_accessibility_violations(
    browser, live_server, published, width
):
    page = browser.new_page(viewport={"width": width, "height": 900})
    assert page.goto(live_server.url + "/have-your-say/family-2025/results/").status == 200
    _assert_accessible(page)
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_consultation_pages_have_no_accessibility_violations(browser, live_server, survey, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    for path in ("/have-your-say/", "/have-your-say/family-2026/"):
        assert page.goto(live_server.url + path).status == 200
        _assert_accessible(page)
    # The form again, with its error summary and messages.
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_role("alert").is_visible()
    _assert_accessible(page)
    page.close()


def test_a_parent_answers_on_a_phone(browser, live_server, survey):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Have your say").click()
    page.get_by_role("link", name="Family survey 2026").click()
    page.get_by_role("group", name="What would help most?").get_by_label("Childcare").check()
    page.get_by_role("group", name="Where do you meet?").get_by_role(
        "checkbox", name="Other"
    ).check()
    page.get_by_label("Other, please say").fill("The library")
    page.get_by_role("group", name="Where do you live?").get_by_label("Kursaal").check()
    page.get_by_label("Anything else?").fill("Evening sessions")
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_role("heading", name="Thank you").is_visible()
    response = ConsultationResponse.objects.get()
    assert response.area.name == "Kursaal"
    assert response.answers.count() == 4
    page.close()
