"""An enquirer's welcome: a coordinator in turn, a dated next step, the steps ahead, consents
they can give, welcome sessions to book; staff see enquiries nobody has contacted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from accounts.models import OutboxMessage
from champions.choices import ConsentKind, Stage
from champions.models import ChampionsSettings
from champions.selectors.welcome import enquiries_without_contact
from champions.services.journey import champion_sign_up
from champions.services.welcome import champion_assign_coordinator
from events.choices import EventKind
from events.models import Registration
from events.services.digest import coordinator_digest_send
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.champions import (
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
    CoordinatorProfileFactory,
)
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def _sign_up(area, name="Sam"):
    return champion_sign_up(user=UserFactory(), preferred_name=name, area=area)


def test_new_enquiries_go_round_the_areas_coordinators_then_to_the_default():
    ward, elsewhere = AreaFactory(), AreaFactory()
    ann = CoordinatorProfileFactory(user__first_name="Ann", areas=[ward])
    bob = CoordinatorProfileFactory(user__first_name="Bob", areas=[ward])
    default = CoordinatorProfileFactory(user__first_name="Dee", takes_unassigned=True)
    assigned = [_sign_up(ward).coordinator for _ in range(3)]
    assert assigned == [ann.user, bob.user, ann.user]
    assert _sign_up(elsewhere).coordinator == default.user
    assert _sign_up(None).coordinator == default.user


def test_a_new_enquiry_is_promised_contact_within_the_settings_days(time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 15, 12), tick=False)
    settings = ChampionsSettings.load()
    settings.enquiry_contact_days = 3
    settings.save()
    CoordinatorProfileFactory(user__first_name="Sam", takes_unassigned=True)
    champion = _sign_up(None, name="Jo")
    assert champion.next_step == "Sam will get in touch to say hello and answer your questions"
    assert champion.next_step_due_on == datetime.date(2026, 6, 18)


def test_enquirer_dashboard_shows_coordinator_next_step_steps_and_consents_only(client):
    profile = CoordinatorProfileFactory(
        user__first_name="Sam", user__last_name="Okafor", user__email="sam@example.org"
    )
    champion = ChampionFactory(coordinator=profile.user)
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    champion.next_step, champion.next_step_due_on = "Sam will call you", datetime.date(2026, 7, 2)
    champion.save()
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "Sam Okafor" in html and "mailto:sam@example.org" in html and "01632 960123" in html
    assert 'Sam will call you by <time datetime="2026-07-02">Thursday 2 July</time>.' in html
    assert '<li aria-current="step"><strong>Say hello</strong>' in html
    assert "Publishing my story" in html and "Contact by e-mail</strong>" not in html
    for not_yet in ("Log an activity", "Claim an expense", "Before you can become an active"):
        assert not_yet not in html
    assert "coordinator__photo" not in html


def test_coordinator_photo_is_shown_only_with_their_consent(client):
    photo = get_image_model().objects.create(title="Sam", file=get_test_image_file())
    profile = CoordinatorProfileFactory(photo=photo, show_photo=False)
    champion = ChampionFactory(coordinator=profile.user)
    client.force_login(champion.user)
    assert "coordinator__photo" not in client.get(reverse("champions:dashboard")).content.decode()
    profile.show_photo = True
    profile.save()
    assert "coordinator__photo" in client.get(reverse("champions:dashboard")).content.decode()


def test_activity_and_expenses_appear_from_the_training_stage(client):
    champion = ChampionFactory(stage=Stage.IN_TRAINING)
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "Log an activity" in html and "Claim an expense" in html
    assert "Welcome sessions" not in html


def test_an_enquirer_books_a_welcome_session_from_the_dashboard(client):
    champion = ChampionFactory()
    session = EventFactory(kind=EventKind.WELCOME, title="Welcome coffee morning")
    EventFactory(title="Stall at the fair")
    client.force_login(champion.user)
    dashboard = reverse("champions:dashboard")
    html = client.get(dashboard).content.decode()
    assert "Welcome coffee morning" in html and "Stall at the fair" not in html
    response = client.post(reverse("events:book", args=[session.pk]), {"next": dashboard})
    assert response.status_code == 302 and response.url == dashboard
    assert Registration.objects.filter(event=session, champion=champion).exists()
    assert "You are booked" in client.get(dashboard).content.decode()


def test_enquiries_not_contacted_within_the_days_are_flagged_for_staff(client):
    today = timezone.localdate()
    old = ChampionFactory(preferred_name="Waiting", joined_on=today - datetime.timedelta(6))
    ChampionFactory(preferred_name="Fresh", joined_on=today - datetime.timedelta(2))
    ChampionFactory(
        preferred_name="Called", joined_on=today - datetime.timedelta(9), contacted_on=today
    )
    ChampionFactory(preferred_name="Moved on", active=True, joined_on=today - datetime.timedelta(9))
    assert list(enquiries_without_contact(today)) == [old]
    coordinator = CoordinatorFactory()
    coordinator_digest_send(today=today)
    body = OutboxMessage.objects.get(user=coordinator).body
    assert "- Waiting" in body and "Fresh" not in body
    client.force_login(coordinator)
    listing = client.get(reverse("champions_champion:index"), {"awaiting_contact": "true"})
    html = listing.content.decode()
    assert "Waiting" in html and "Fresh" not in html and "Called" not in html


def test_assigning_without_any_coordinator_still_promises_contact():
    champion = champion_assign_coordinator(champion=ChampionFactory())
    assert champion.coordinator is None
    assert champion.next_step.startswith("Your coordinator will get in touch")
