"""The benchmark data generator keeps working as the models change (it times nothing)."""

import datetime

import pytest
from django.db import transaction

from bench.generate import REGISTER_TITLE, NotEmpty, generate
from champions.models import ActivityLog, Area, Champion, ExpenseClaim, TrainingRecord
from cms.models import ImpactPage, OutcomePage, PublicEventsPage, StoryPage
from events.models import Consultation, Event, Registration
from events.selectors.consultations import consultation_results

SCALE = 0.002  # a five-hundredth of the programme the issue describes at N=1
TODAY = datetime.date(2026, 3, 2)


def _fingerprint():
    return {
        "champions": list(Champion.objects.order_by("pk").values_list("user__email", "stage")),
        "registrations": list(
            Registration.objects.order_by("pk").values_list("event__title", "champion_id")
        ),
        "stories": list(StoryPage.objects.order_by("slug").values_list("slug", "champion_id")),
    }


@pytest.mark.django_db
def test_generate_fills_the_database_in_proportion_to_the_scale():
    generate(scale=SCALE, today=TODAY)

    assert Area.objects.count() == 1  # 100 x 0.002, rounded, at least one
    assert Champion.objects.count() == 20
    assert TrainingRecord.objects.count() == 400
    assert Event.objects.count() == 100
    assert Registration.objects.count() == 2_000
    assert ActivityLog.objects.count() == 2_000
    assert ExpenseClaim.objects.count() == 200
    assert StoryPage.objects.live().count() == 4
    assert OutcomePage.objects.live().count() == 1
    assert ImpactPage.objects.live().exists()
    assert PublicEventsPage.objects.live().exists()
    survey = Consultation.objects.get(slug="bench-family-survey")
    assert survey.responses.count() == 200
    results = consultation_results(survey)
    assert results.total == 200 and results.questions[2].skipped == 25
    assert Consultation.objects.open().filter(slug="bench-open-survey").exists()


@pytest.mark.django_db
def test_generate_books_the_big_register_and_events_due_for_a_reminder():
    generate(scale=SCALE, today=TODAY)

    register = Event.objects.get(title=REGISTER_TITLE)
    assert register.registrations.filter(status="booked").count() == 20  # every champion
    assert Registration.objects.filter(event__title__startswith="Reminder test").count() == 20


@pytest.mark.django_db
def test_generate_refuses_a_database_that_already_holds_a_programme():
    generate(scale=SCALE, today=TODAY)

    with pytest.raises(NotEmpty):
        generate(scale=SCALE, today=TODAY)
    assert Champion.objects.count() == 20


@pytest.mark.django_db
def test_generate_gives_the_same_programme_for_the_same_scale_and_day():
    runs = []
    for _ in range(2):
        with transaction.atomic():
            generate(scale=SCALE, today=TODAY)
            runs.append(_fingerprint())
            transaction.set_rollback(True)

    assert runs[0] == runs[1]
    assert len(runs[0]["registrations"]) == 2_000
