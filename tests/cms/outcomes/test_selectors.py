"""The outcomes a champion helped bring about (the dashboard's "What your voice changed"):
through a meeting they attended, a point raised at one, or a consultation they entered
responses for; two queries (the view restrictions, the outcomes) however many paths and rows
lie behind them."""

import datetime

import pytest

from cms.models import OutcomeConsultationResult, OutcomeMeetingLink, OutcomeParentVoice
from cms.selectors.outcomes import outcomes_for_champion
from tests.factories.champions import ChampionFactory
from tests.factories.cms import OutcomePageFactory
from tests.factories.events import (
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
    EventFactory,
    MeetingRecordFactory,
    ParentVoiceItemFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def _discussed_at(event, **outcome):
    page = OutcomePageFactory(**outcome)
    OutcomeMeetingLink.objects.create(page=page, event=event)
    return page


def _raised_at(record, **outcome):
    page = OutcomePageFactory(**outcome)
    OutcomeParentVoice.objects.create(page=page, item=ParentVoiceItemFactory(record=record))
    return page


def _answering(question, **outcome):
    page = OutcomePageFactory(**outcome)
    OutcomeConsultationResult.objects.create(
        page=page, question=question, choice="Childcare", statement="wanted childcare"
    )
    return page


def _titles(champion):
    return [page.title for page in outcomes_for_champion(champion)]


def test_each_path_brings_its_outcome_and_nothing_else_does():
    champion, other = ChampionFactory(active=True), ChampionFactory(active=True)
    meeting, record = EventFactory(), MeetingRecordFactory()
    RegistrationFactory(champion=champion, event=meeting, present=True)
    RegistrationFactory(champion=champion, event=record.event, present=True)
    question = ConsultationQuestionFactory()
    ConsultationResponseFactory(consultation=question.consultation, paper=True, entered_by=champion)
    _discussed_at(meeting, title="Discussed", raised_on=datetime.date(2026, 3, 3))
    _raised_at(record, title="Raised", raised_on=datetime.date(2026, 3, 2))
    _answering(question, title="Surveyed", raised_on=datetime.date(2026, 3, 1))
    # Booked but not marked present; another champion's meeting and survey; no link at all.
    booked_only = EventFactory()
    RegistrationFactory(champion=champion, event=booked_only)
    _discussed_at(booked_only, title="Booked only")
    theirs = EventFactory()
    RegistrationFactory(champion=other, event=theirs, present=True)
    _discussed_at(theirs, title="Theirs")
    their_question = ConsultationQuestionFactory()
    ConsultationResponseFactory(
        consultation=their_question.consultation, paper=True, entered_by=other
    )
    _answering(their_question, title="Their survey")
    OutcomePageFactory(title="Unlinked")
    assert _titles(champion) == ["Discussed", "Raised", "Surveyed"]
    assert sorted(_titles(other)) == ["Their survey", "Theirs"]


def test_an_outcome_reached_many_ways_is_listed_once_and_drafts_not_at_all():
    champion = ChampionFactory(active=True)
    record = MeetingRecordFactory()
    RegistrationFactory(champion=champion, event=record.event, present=True)
    question = ConsultationQuestionFactory()
    for _ in range(3):
        ConsultationResponseFactory(
            consultation=question.consultation, paper=True, entered_by=champion
        )
    both = _raised_at(record, title="Both")
    OutcomeMeetingLink.objects.create(page=both, event=record.event)
    OutcomeConsultationResult.objects.create(
        page=both, question=question, choice="Childcare", statement="wanted childcare"
    )
    _raised_at(record, title="Draft").unpublish()
    assert _titles(champion) == ["Both"]


def test_the_latest_five_in_two_queries(django_assert_num_queries):
    champion = ChampionFactory(active=True)
    record = MeetingRecordFactory()
    RegistrationFactory(champion=champion, event=record.event, present=True)
    for day in range(1, 8):
        _raised_at(record, title=f"Day {day}", raised_on=datetime.date(2026, 3, day))
    with django_assert_num_queries(2):  # Wagtail's public(): the view restrictions first
        outcomes = list(outcomes_for_champion(champion))
        wards = [page.area for page in outcomes]
    assert [page.title for page in outcomes] == [f"Day {day}" for day in range(7, 2, -1)]
    assert len(wards) == 5
