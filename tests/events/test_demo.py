import pytest
from django.db.models import Count, F, Q
from django.utils import timezone

from champions.choices import CheckKind
from events import demo
from events.choices import EventKind, RegistrationStatus
from events.models import (
    Consultation,
    ConsultationAnswer,
    Event,
    MeetingAction,
    MeetingRecord,
    ParentVoiceItem,
    Registration,
    WalkIn,
)
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory, OnboardingCheckFactory

pytestmark = pytest.mark.django_db


def _signature():
    return list(
        Event.objects.order_by("starts_at", "title").values_list(
            "title", "kind", "starts_at", "capacity", "audience", "status"
        )
    ), sorted(Registration.objects.values_list("event__title", "champion_id", "status"))


def test_demo_builds_a_year_of_every_kind_with_bookings_attendance_and_records():
    champions = ChampionFactory.create_batch(20)
    for champion in champions[:12]:
        OnboardingCheckFactory(champion=champion, kind=CheckKind.DBS)
    demo.load(staff=CoordinatorFactory())
    now = timezone.now()
    assert set(Event.objects.values_list("kind", flat=True)) == set(EventKind.values)
    assert Event.objects.filter(starts_at__lt=now).count() > 30
    assert Event.objects.filter(starts_at__gt=now).count() > 30
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).exists()
    assert Registration.objects.filter(attended=True).exists()
    assert WalkIn.objects.exists()
    assert Event.objects.filter(families_reached__gt=0).exists()
    assert MeetingRecord.objects.count() >= 5
    assert ParentVoiceItem.objects.filter(protective_factors__isnull=False).exists()
    assert MeetingAction.objects.exists()
    over = Event.objects.annotate(
        booked=Count("registrations", filter=Q(registrations__status="booked"))
    ).filter(capacity__isnull=False, booked__gt=F("capacity"))
    assert not over.exists()
    first = _signature()
    Event.objects.all().delete()
    demo.load(staff=CoordinatorFactory())
    assert _signature() == first


def test_demo_works_with_no_champions_or_areas():
    demo.load(staff=CoordinatorFactory())
    assert Event.objects.count() > 50
    assert not Registration.objects.exists()


def test_demo_has_a_closed_survey_of_220_an_open_one_and_mapping_points():
    champions = ChampionFactory.create_batch(4, active=True)
    demo.load(staff=CoordinatorFactory())
    closed = Consultation.objects.get(slug="family-survey-2026")
    assert not closed.is_open() and closed.responses.count() == 220
    entered_by = set(closed.responses.filter(channel="paper").values_list("entered_by", flat=True))
    assert entered_by == {c.pk for c in champions}
    assert closed.questions.filter(published=True).count() >= 4
    assert ConsultationAnswer.objects.exclude(theme="").filter(approved_for_publication=True)
    assert Consultation.objects.open().filter(slug="play-and-parks").exists()
    points = ParentVoiceItem.objects.filter(record__event__kind="mapping")
    assert points.exists() and not points.filter(parents_count=None).exists()
