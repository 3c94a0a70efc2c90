"""Each response a champion enters for a consultation is one person they reached: it counts in
their people reached on the dashboard, My activity and their admin record, beside the people
reached of their approved activity entries."""

import pytest
from django.db.models import Sum
from django.urls import reverse

from champions.choices import ActivityStatus
from champions.models import ActivityLog
from champions.selectors.activity import activity_people_reached
from events.models import ConsultationResponse
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory
from tests.factories.events import (
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion():
    """Approved entries reaching 10 and 5, a submitted one reaching 7 (not counted yet), 3
    responses they entered; another champion's paper response and an online one."""
    champion = ChampionFactory(active=True)
    ActivityLogFactory(champion=champion, approved=True, people_reached=10)
    ActivityLogFactory(champion=champion, approved=True, people_reached=5)
    ActivityLogFactory(champion=champion, approved=True, people_reached=None)
    ActivityLogFactory(champion=champion, people_reached=7)
    consultation = ConsultationFactory()
    ConsultationResponseFactory.create_batch(
        3, consultation=consultation, paper=True, entered_by=champion
    )
    ConsultationResponseFactory(consultation=consultation, paper=True)
    ConsultationResponseFactory(consultation=consultation)
    return champion


def _expected(champion) -> tuple[int, int]:
    """(from approved entries, responses entered), counted directly."""
    logged = ActivityLog.objects.filter(
        champion=champion, status=ActivityStatus.APPROVED
    ).aggregate(n=Sum("people_reached"))["n"]
    return logged, ConsultationResponse.objects.filter(entered_by=champion).count()


def test_people_reached_adds_responses_entered_to_approved_entries(champion):
    reached = activity_people_reached(champion)
    logged, entered = _expected(champion)
    assert (logged, entered) == (15, 3)
    assert reached.logged == logged
    assert reached.lines == [("Survey responses entered", entered)]
    assert reached.total == logged + entered == 18


def test_a_champion_with_nothing_logged_or_entered_reached_no_one():
    assert activity_people_reached(ChampionFactory(active=True)).total == 0


def test_my_activity_and_dashboard_show_people_reached(client, champion):
    client.force_login(champion.user)
    for url in (reverse("activity:list"), reverse("champions:dashboard")):
        html = client.get(url).content.decode()
        assert "People reached, all time</dt><dd>18</dd>" in html
        assert "From approved entries</dt><dd>15</dd>" in html
        assert "Survey responses entered</dt><dd>3</dd>" in html


def test_entering_a_paper_response_adds_one_person_reached(client, champion):
    question = ConsultationQuestionFactory(consultation=ConsultationFactory(slug="family-2026"))
    client.force_login(champion.user)
    response = client.post(
        reverse("consultations:paper", args=["family-2026"]),
        {"channel": "paper", "where": "Stall at the library", f"q{question.pk}": "Childcare"},
    )
    assert response.status_code == 302
    assert activity_people_reached(champion).total == 19
    html = client.get(reverse("activity:list")).content.decode()
    assert "Survey responses entered</dt><dd>4</dd>" in html


def test_staff_see_people_reached_on_the_champion_record(client, champion):
    client.force_login(CoordinatorFactory())
    html = client.get(reverse("champions_champion:inspect", args=[champion.pk])).content.decode()
    assert "People reached, all time</dt><dd>18 (15 from approved entries; " in html
    assert "survey responses entered: 3)" in html
