"""From voice to outcome: an outcome shows live consultation figures and the points it answers,
the trail of where it was discussed, the admin voice listing shows what has no outcome yet, and
champions see the outcomes they helped bring about."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from champions.models import ProtectiveFactor
from cms.models import OutcomeConsultationResult, OutcomeParentVoice
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import OutcomePageFactory
from tests.factories.events import (
    ConsultationAnswerFactory,
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
    MeetingRecordFactory,
    ParentVoiceItemFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def _survey(n_childcare=6, n_other=5, **consultation):
    question = ConsultationQuestionFactory(
        consultation=ConsultationFactory(title="2026 family survey", **consultation)
    )
    for i in range(n_childcare + n_other):
        choice = "Childcare" if i < n_childcare else "Places to meet"
        ConsultationAnswerFactory(question=question, choice=choice)
    return question


def _link(outcome, question, **kwargs):
    link = OutcomeConsultationResult(
        page=outcome, question=question, statement="said childcare was what they needed", **kwargs
    )
    link.full_clean(exclude=["page"])
    link.save()
    return link


def test_outcome_shows_a_live_figure_that_changes_when_a_response_is_added(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    question = _survey()
    outcome = OutcomePageFactory(title="More childcare places")
    _link(outcome, question, choice="Childcare")
    html = client.get(outcome.url).content.decode()
    assert "55% (6) of 11 who answered the 2026 family survey" in html
    assert "said childcare was what they needed" in html
    assert "Where it was discussed" in html
    response = ConsultationResponseFactory(consultation=question.consultation)
    ConsultationAnswerFactory(response=response, question=question, choice="Childcare")
    # While the consultation is open the page is never served from the page cache.
    html = client.get(outcome.url).content.decode()
    assert "58% (7) of 12 who answered the 2026 family survey" in html


def test_a_tagged_theme_is_counted_among_those_who_answered(client):
    question = ConsultationQuestionFactory(free_text=True, consultation__title="2026 family survey")
    for i in range(8):
        ConsultationAnswerFactory(
            question=question, choice="", text=f"Answer {i}", theme="Clinic times" if i < 5 else ""
        )
    outcome = OutcomePageFactory()
    _link(outcome, question, theme="clinic times")
    assert "63% (5) of 8 who answered" in client.get(outcome.url).content.decode()


def test_a_figure_under_five_people_is_never_shown(client):
    question = _survey(n_childcare=3, n_other=9)
    outcome = OutcomePageFactory()
    _link(outcome, question, choice="Childcare")
    html = client.get(outcome.url).content.decode()
    assert "A figure not published to keep everyone anonymous (12 answered" in html
    assert "(3)" not in html


def test_a_figure_that_would_give_away_a_small_count_is_not_shown(client):
    # 15 of 18 said yes: beside its base, the 3 who said no could be worked out.
    question = ConsultationQuestionFactory(
        yes_no=True, consultation=ConsultationFactory(title="2026 family survey")
    )
    for i in range(18):
        ConsultationAnswerFactory(question=question, choice="yes" if i < 15 else "no")
    outcome = OutcomePageFactory()
    _link(outcome, question, choice="yes")
    html = client.get(outcome.url).content.decode()
    assert "A figure not published to keep everyone anonymous (18 answered" in html
    assert "(15)" not in html
    ConsultationAnswerFactory.create_batch(2, question=question, choice="no")
    html = client.get(outcome.url).content.decode()
    assert "75% (15) of 20 who answered the 2026 family survey" in html


def test_a_figure_with_1_to_4_skipping_the_question_counts_everyone_who_took_part(client):
    # 12 took part, 11 answered: "of 11" beside the 12 on the results page gives away the 1.
    question = _survey()
    ConsultationResponseFactory(consultation=question.consultation)
    outcome = OutcomePageFactory()
    _link(outcome, question, choice="Childcare")
    html = client.get(outcome.url).content.decode()
    assert "50% (6) of 12 who answered the 2026 family survey" in html
    assert "of 11" not in html
    # With 5 skipping, the base is those who answered again.
    ConsultationResponseFactory.create_batch(4, consultation=question.consultation)
    html = client.get(outcome.url).content.decode()
    assert "55% (6) of 11 who answered the 2026 family survey" in html


def test_a_result_names_an_answer_the_question_offers_or_a_theme():
    question = _survey()
    outcome = OutcomePageFactory()
    with pytest.raises(ValidationError, match="Choose one of"):
        _link(outcome, question, choice="Swimming")
    with pytest.raises(ValidationError, match="either an answer to count or a theme"):
        _link(outcome, question)


def test_outcome_shows_mapping_points_and_the_trail(client):
    record = MeetingRecordFactory(event__kind="mapping", event__title="Mapping at the hub")
    point = ParentVoiceItemFactory(
        record=record, text="Nowhere to change a nappy", parents_count=11, quote="I go home"
    )
    outcome = OutcomePageFactory()
    OutcomeParentVoice.objects.create(page=outcome, item=point)
    html = client.get(outcome.url).content.decode()
    assert "“Nowhere to change a nappy” (11 parents)" in html
    assert "Mapping session: Mapping at the hub" in html


def test_voice_listing_shows_points_with_and_without_outcomes(client):
    answered = ParentVoiceItemFactory(text="Clinic times clash with school run", theme="Clinics")
    ParentVoiceItemFactory(text="We want a dads group")
    outcome = OutcomePageFactory(title="Evening clinics")
    OutcomeParentVoice.objects.create(page=outcome, item=answered)
    client.force_login(CoordinatorFactory())
    url = reverse("events_parentvoiceitem:index")
    html = client.get(url).content.decode()
    assert "Evening clinics" in html and "No outcome yet" in html
    unanswered = client.get(url, {"answered": "no"}).content.decode()
    assert "We want a dads group" in unanswered
    assert "Clinic times clash" not in unanswered


def test_champion_dashboard_lists_outcomes_they_took_part_in(client):
    champion = ChampionFactory(active=True)
    record = MeetingRecordFactory()
    RegistrationFactory(champion=champion, event=record.event, present=True)
    from_meeting = OutcomePageFactory(title="Saturday clinic")
    OutcomeParentVoice.objects.create(page=from_meeting, item=ParentVoiceItemFactory(record=record))
    question = _survey()
    ConsultationResponseFactory(consultation=question.consultation, paper=True, entered_by=champion)
    from_survey = OutcomePageFactory(title="More childcare")
    _link(from_survey, question, choice="Childcare")
    OutcomePageFactory(title="Someone else's outcome")
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "What your voice changed" in html
    assert "Saturday clinic" in html and "More childcare" in html
    assert "Someone else&#x27;s outcome" not in html and "Someone else's outcome" not in html


def test_outcome_editor_offers_points_and_consultation_results(client, django_user_model):
    question = _survey()
    outcome = OutcomePageFactory()
    _link(outcome, question, choice="Childcare")
    admin = django_user_model.objects.create_superuser(email="admin@example.com", password="x")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[outcome.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Consultation results (figures shown live)" in html
    assert "Points parents raised at meetings and mapping sessions" in html
    assert "2026 family survey: " in html


def test_consultation_themes_listing_shows_counts_factors_and_outcomes(client):
    question = ConsultationQuestionFactory(free_text=True, consultation__title="2026 family survey")
    factor = ProtectiveFactor.objects.get(code="connections")
    for i in range(6):
        answer = ConsultationAnswerFactory(
            question=question, choice="", text=f"A {i}", theme="Clinic times" if i < 4 else "Dads"
        )
        answer.protective_factors.add(factor)
    outcome = OutcomePageFactory(title="Evening clinics")
    _link(outcome, question, theme="clinic times")
    client.force_login(CoordinatorFactory())
    url = reverse("events_consultation:themes")
    html = client.get(url).content.decode()
    assert "Clinic times" in html and "Evening clinics" in html
    assert "Social connections" in html
    unanswered = client.get(url, {"answered": "no"}).content.decode()
    assert "Dads" in unanswered and "Evening clinics" not in unanswered


def test_the_trail_names_a_consultation_once_however_many_results_link_it(client):
    question = _survey()
    free = ConsultationQuestionFactory(free_text=True, consultation=question.consultation)
    outcome = OutcomePageFactory()
    _link(outcome, question, choice="Childcare")
    _link(outcome, free, theme="Clinic times")
    html = client.get(outcome.url).content.decode()
    trail = html.split("Where it was discussed", 1)[1]
    assert trail.count("2026 family survey") == 1


def test_the_outcome_editor_shows_each_linked_result_live(client, django_user_model):
    question = _survey()
    outcome = OutcomePageFactory()
    _link(outcome, question, choice="Childcare")
    outcome.save_revision()
    admin = django_user_model.objects.create_superuser(email="admin@example.com", password="x")
    client.force_login(admin)
    edit = reverse("wagtailadmin_pages:edit", args=[outcome.pk])
    html = client.get(edit).content.decode()
    assert "Consultation figures now" in html
    assert "55% (6) of 11 who answered the 2026 family survey" in html
    ConsultationAnswerFactory(question=question, choice="Childcare")
    assert "58% (7) of 12 who answered" in client.get(edit).content.decode()
