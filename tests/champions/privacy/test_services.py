"""A champion can download their data and have it erased; leavers are anonymised in time."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.choices import ActivityStatus, ConsentKind, Stage
from champions.models import Champion
from champions.services.consents import consent_give
from champions.services.privacy import leavers_anonymise
from champions.tasks.privacy import anonymise_leavers
from cms.models import StoryPage
from events.choices import RegistrationStatus
from tests.factories.champions import (
    ActivityLogFactory,
    ChampionFactory,
    ExpenseClaimFactory,
)
from tests.factories.cms import StoryPageFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_erase_needs_confirmation_then_removes_identity_but_keeps_the_figures(
    client, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(preferred_name="Jo", phone="07700 900123", active=True)
    consent_give(champion=champion, kind=ConsentKind.STORY, wording_version="2026-01")
    story = StoryPageFactory(champion=champion, title="Jo's story")
    ActivityLogFactory(
        champion=champion,
        hours="2.50",
        status=ActivityStatus.APPROVED,
        description="Met parents at the library",
    )
    ExpenseClaimFactory(champion=champion, amount="12.40", description="Bus to the library")
    booking = RegistrationFactory(champion=champion, event=EventFactory())
    email = champion.user.email
    client.force_login(champion.user)

    response = client.post(reverse("champions:erase"), {})
    assert response.status_code == 200
    assert "Tick the box to confirm you want your details removed." in response.content.decode()
    Champion.objects.get(pk=champion.pk, preferred_name="Jo")  # nothing changed yet

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("champions:erase"), {"confirm": "on"})
    assert response.status_code == 302
    champion.refresh_from_db()
    user = champion.user
    assert champion.anonymised_at is not None and champion.stage == Stage.ALUMNI
    assert champion.preferred_name == f"Former champion {champion.pk}"
    assert champion.phone == ""
    assert email not in user.email and not user.is_active and not user.has_usable_password()
    log = champion.activity_logs.get()
    assert str(log.hours) == "2.50" and log.description == "(removed)"
    assert str(champion.expense_claims.get().amount) == "12.40"
    assert not StoryPage.objects.filter(pk=story.pk).exists()  # with its revisions and history
    booking.refresh_from_db()
    assert booking.status == RegistrationStatus.CANCELLED
    # The session is gone: the dashboard asks them to sign in.
    assert client.get(reverse("champions:dashboard")).status_code == 302


def test_leavers_are_anonymised_once_after_the_retention_period(settings):
    settings.LEAVER_RETENTION_DAYS = 730
    today = timezone.localdate()
    old = ChampionFactory(stage=Stage.ALUMNI, left_on=today - datetime.timedelta(days=731))
    recent = ChampionFactory(stage=Stage.ALUMNI, left_on=today - datetime.timedelta(days=700))
    active = ChampionFactory(active=True)
    assert anonymise_leavers.delay().get() == 1
    assert leavers_anonymise() == 0
    old.refresh_from_db(), recent.refresh_from_db(), active.refresh_from_db()
    assert old.anonymised_at is not None
    assert recent.anonymised_at is None and active.anonymised_at is None


def test_another_champions_data_is_never_exported(client):
    client.force_login(ChampionFactory().user)
    other = ChampionFactory(preferred_name="Secret")
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("champions:my_data")).content))
    assert "Secret" not in archive.read("my-data.json").decode()
    assert other.preferred_name == "Secret"
