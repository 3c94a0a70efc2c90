"""Answering a consultation on the public site: no account, one response per submission, clear
messages for bad input, a honeypot and a rate limit, and no answers once it closes."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.choices import OTHER
from events.models import ConsultationAnswer, ConsultationResponse
from tests.factories.events import ConsultationFactory, ConsultationQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    consultation = ConsultationFactory(title="Family survey 2026", slug="family-2026")
    single = ConsultationQuestionFactory(consultation=consultation, required=True)
    multiple = ConsultationQuestionFactory(consultation=consultation, multiple=True)
    free = ConsultationQuestionFactory(consultation=consultation, free_text=True)
    age = ConsultationQuestionFactory(consultation=consultation, age_band=True)
    return consultation, single, multiple, free, age


def _url(consultation):
    return reverse("consultations:answer", args=[consultation.slug])


def test_have_your_say_lists_only_open_consultations_and_the_menu_links_it(client):
    ConsultationFactory(title="Open survey")
    ConsultationFactory(title="Closed survey", closed=True)
    ConsultationFactory(title="Future survey", upcoming=True)
    html = client.get(reverse("consultations:list")).content.decode()
    assert "Open survey" in html
    assert "Closed survey" not in html and "Future survey" not in html
    assert 'href="/have-your-say/"' in client.get(reverse("events:public")).content.decode()


def test_menu_has_no_have_your_say_when_nothing_is_open(client):
    ConsultationFactory(closed=True)
    assert "Have your say" not in client.get(reverse("events:public")).content.decode()


def test_answering_stores_one_response_with_its_answers(client, survey):
    consultation, single, multiple, free, _age = survey
    response = client.post(
        _url(consultation),
        {
            f"q{single.pk}": "Childcare",
            f"q{multiple.pk}": ["Places to meet", OTHER],
            f"q{multiple.pk}_other": "Swimming lessons",
            f"q{free.pk}": "More evening sessions please",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("consultations:thanks", args=[consultation.slug])
    stored = ConsultationResponse.objects.get()
    assert stored.channel == "online" and stored.entered_by is None
    rows = set(stored.answers.values_list("question_id", "choice", "text"))
    assert rows == {
        (single.pk, "Childcare", ""),
        (multiple.pk, "Places to meet", ""),
        (multiple.pk, OTHER, "Swimming lessons"),
        (free.pk, "", "More evening sessions please"),
    }


def test_the_form_states_the_consent_statement_and_marks_optional_questions(client, survey):
    consultation, *_ = survey
    html = client.get(_url(consultation)).content.decode()
    assert "How we use your answers" in html
    assert "We never publish a figure about fewer than 5 people" in html
    assert "(optional)" in html


def test_bad_input_shows_the_form_again_with_clear_messages(client, survey):
    consultation, single, multiple, *_ = survey
    response = client.post(_url(consultation), {f"q{multiple.pk}": [OTHER, "Not an option"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert f"Answer “{single.text}”." in html
    assert "Choose from the answers given." in html
    assert not ConsultationResponse.objects.exists()


def test_choosing_other_without_saying_what_asks_for_it(client, survey):
    consultation, single, multiple, *_ = survey
    response = client.post(
        _url(consultation), {f"q{single.pk}": "Childcare", f"q{multiple.pk}": [OTHER]}
    )
    assert response.status_code == 400
    assert "Say what “other” means for you." in response.content.decode()


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client, survey):
    consultation, single, *_ = survey
    response = client.post(
        _url(consultation), {f"q{single.pk}": "Childcare", "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert not ConsultationResponse.objects.exists()


def test_rate_limit_stops_a_flood_from_one_address(client, survey, settings):
    settings.CONSULTATION_RATE_LIMIT = RATE_LIMIT = 4
    consultation, single, *_ = survey
    for _ in range(RATE_LIMIT):
        assert client.post(_url(consultation), {f"q{single.pk}": "Childcare"}).status_code == 302
    response = client.post(_url(consultation), {f"q{single.pk}": "Childcare"})
    assert response.status_code == 429
    assert ConsultationResponse.objects.count() == RATE_LIMIT
    other_address = Client(REMOTE_ADDR="203.0.113.9")
    assert other_address.post(_url(consultation), {f"q{single.pk}": "Childcare"}).status_code == 302


def test_a_closed_consultation_takes_no_answers_and_says_so(client):
    consultation = ConsultationFactory(closed=True)
    question = ConsultationQuestionFactory(consultation=consultation)
    assert "This consultation is closed" in client.get(_url(consultation)).content.decode()
    response = client.post(_url(consultation), {f"q{question.pk}": "Childcare"})
    assert response.status_code == 410
    assert not ConsultationResponse.objects.exists()


def test_unknown_consultation_is_404(client):
    assert client.get(reverse("consultations:answer", args=["nope"])).status_code == 404


_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=3000)
_field_values = st.one_of(
    _text,
    st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=50), max_size=4),
    st.sampled_from(["Childcare", OTHER, "yes", "3", "Under 1", ""]),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(["single", "multiple", "other", "free", "age", "website", "junk"]),
        _field_values,
    )
)
def test_fuzzed_submissions_never_500(client, survey, data):
    consultation, single, multiple, free, age = survey
    names = {
        "single": f"q{single.pk}",
        "multiple": f"q{multiple.pk}",
        "other": f"q{multiple.pk}_other",
        "free": f"q{free.pk}",
        "age": f"q{age.pk}",
        "website": "website",
        "junk": "q999999",
    }
    post = {names[key]: value for key, value in data.items()}
    cache.clear()  # each example is a new visitor as far as the rate limit goes
    before = ConsultationResponse.objects.count()
    response = client.post(_url(consultation), post)
    assert response.status_code in (302, 400, 429)
    after = ConsultationResponse.objects.count()
    stored = response.status_code == 302 and not post.get("website")
    assert after - before == (1 if stored else 0)
    if stored:
        answers = ConsultationAnswer.objects.filter(response__consultation=consultation)
        assert not answers.exclude(question__consultation=consultation).exists()
