import dataclasses
import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from champions.choices import CheckKind, ConsentKind, Stage, TrainingStatus
from champions.models import Consent
from champions.services.consents import consent_give
from champions.wording import CONSENT_WORDING
from tests.factories.champions import (
    AreaFactory,
    ChampionFactory,
    StageChangeFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
    ready_champion,
)

from .conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(client):
    champion = ChampionFactory(preferred_name="Bethany", stage=Stage.IN_TRAINING)
    client.force_login(champion.user)
    return champion


def pdf_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_journey_shows_stage_history_progress_and_what_is_next(client, required_pair, frozen_today):
    induction = required_pair[0]
    champion = ready_champion(preferred_name="Bethany")
    champion.checks.filter(kind=CheckKind.REFERENCE_2).delete()
    TrainingRecordFactory(champion=champion, module=induction, completed_on=TODAY)
    StageChangeFactory(
        champion=champion,
        from_stage=Stage.ENQUIRY,
        to_stage=Stage.ONBOARDING,
        changed_at=datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC),
    )
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "Your stage: <strong>In training</strong>" in html
    assert "Onboarding: <time" in html and "2 March 2026" in html
    assert 'max="2" value="1"' in html and "1 of 2 modules in date" in html
    assert "Before you can become an active champion" in html
    assert "Second reference: not complete" in html
    assert "Training “Safeguarding”: not completed" in html
    assert "Training “Core induction”" not in html  # complete: not listed as missing


def test_items_expiring_within_sixty_days_are_highlighted(client, required_pair, frozen_today):
    induction, safeguarding, _ = required_pair
    champion = ready_champion(stage=Stage.ACTIVE)
    champion.checks.filter(kind=CheckKind.DBS).update(
        renewal_due_on=TODAY + datetime.timedelta(days=60)
    )
    TrainingRecordFactory(champion=champion, module=induction, completed_on=TODAY)
    # Completed 11 months ago, valid 12: expires in about a month.
    TrainingRecordFactory(
        champion=champion, module=safeguarding, completed_on=TODAY - relativedelta(months=11)
    )
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "Training “Safeguarding” expires on 15 July 2026" in html
    assert "DBS check renewal is due on 14 August 2026" in html
    assert html.count('class="expiring"') == 2  # the module row and the DBS line
    assert "(expires soon)" in html


def test_nothing_is_highlighted_beyond_sixty_days(client, required_pair, frozen_today):
    champion = ready_champion(stage=Stage.ACTIVE)
    champion.checks.filter(kind=CheckKind.DBS).update(
        renewal_due_on=TODAY + datetime.timedelta(days=61)
    )
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "Coming up for renewal" not in html
    assert 'class="expiring"' not in html


def test_my_journey_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, frozen_today
):
    def champion_with(records):
        champion = ready_champion()
        for i in range(records):
            module = TrainingModuleFactory(required_for_activation=i % 2 == 0, validity_months=12)
            TrainingRecordFactory(champion=champion, module=module)
            StageChangeFactory(champion=champion)
        return champion

    small, large = champion_with(10), champion_with(60)
    client.force_login(small.user)
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(reverse("champions:dashboard")).status_code == 200
    client.force_login(large.user)
    with django_assert_num_queries(len(small_queries)):
        response = client.get(reverse("champions:dashboard"))
    assert response.content.decode().count("<tr") == 1 + 70  # header + the whole catalogue


def test_champion_edits_their_own_profile(client, champion):
    area = AreaFactory(name="Kursaal")
    response = client.post(
        reverse("champions:profile"),
        {
            "preferred_name": " Beth ",
            "area": area.pk,
            "phone": "07700 900123",
            "languages": "English, Polish",
            "heard_about": "Health visitor",
        },
    )
    assert response.status_code == 302
    champion.refresh_from_db()
    assert (champion.preferred_name, champion.area, champion.phone) == (
        "Beth",
        area,
        "07700 900123",
    )
    entry = ModelLogEntry.objects.get(action="champions.champion.edit_profile")
    assert entry.user == champion.user and "phone" in entry.data["fields"]


def test_profile_form_explains_bad_input_and_keeps_it(client, champion):
    response = client.post(
        reverse("champions:profile"),
        {"preferred_name": "", "phone": "call me maybe", "languages": "Welsh"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a phone number using digits" in html
    assert "This field is required." in html
    assert 'value="call me maybe"' in html and 'value="Welsh"' in html


def test_profile_edit_cannot_change_the_stage(client, champion):
    client.post(
        reverse("champions:profile"),
        {"preferred_name": "Bethany", "stage": Stage.ACTIVE, "staff_notes": "hacked"},
    )
    champion.refresh_from_db()
    assert champion.stage == Stage.IN_TRAINING and champion.staff_notes == ""


def test_consent_withdrawal_takes_effect_at_once(client, champion):
    consent_give(champion=champion, kind=ConsentKind.PHOTO, wording_version="2026-01")
    assert Consent.objects.has_current(champion, ConsentKind.PHOTO)
    response = client.post(
        reverse("champions:consents"), {"kind": ConsentKind.PHOTO, "action": "withdraw"}
    )
    assert response.status_code == 302
    assert not Consent.objects.has_current(champion, ConsentKind.PHOTO)
    html = client.get(reverse("champions:consents")).content.decode()
    assert 'I agree<span class="visually-hidden"> to using photos of me' in html


def test_champion_gives_consent_with_the_current_wording_version(client, champion, monkeypatch):
    wording = CONSENT_WORDING[ConsentKind.CONTACT_EMAIL]
    monkeypatch.setitem(
        CONSENT_WORDING, ConsentKind.CONTACT_EMAIL, dataclasses.replace(wording, version="2026-03")
    )
    client.post(
        reverse("champions:consents"), {"kind": ConsentKind.CONTACT_EMAIL, "action": "give"}
    )
    consent = champion.consents.get()
    assert (consent.kind, consent.wording_version, consent.withdrawn_at) == (
        ConsentKind.CONTACT_EMAIL,
        "2026-03",
        None,
    )


def test_unknown_consent_choice_is_refused_politely(client, champion):
    response = client.post(reverse("champions:consents"), {"kind": "dna", "action": "give"})
    assert response.status_code == 200
    assert "That choice was not recognised" in response.content.decode()
    assert not champion.consents.exists()


def test_certificate_is_a_real_pdf_with_name_and_module(client, champion):
    module = TrainingModuleFactory(title="Safeguarding children and adults")
    record = TrainingRecordFactory(champion=champion, module=module)
    response = client.get(reverse("champions:certificate", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "Bethany" in text
    assert "Safeguarding children and adults" in text


def test_transcript_lists_the_champions_training(client, champion):
    TrainingRecordFactory(champion=champion, module=TrainingModuleFactory(title="Core induction"))
    TrainingRecordFactory(
        champion=champion,
        module=TrainingModuleFactory(title="Co-production in practice"),
        status=TrainingStatus.ATTENDED,
        completed_on=None,
    )
    text = pdf_text(client.get(reverse("champions:transcript")))
    assert "Bethany" in text
    assert "Core induction" in text and "Co-production in practice" in text


def test_no_certificate_for_a_module_not_completed_or_expired(client, champion):
    attended = TrainingRecordFactory(
        champion=champion, status=TrainingStatus.ATTENDED, completed_on=None
    )
    lapsed = TrainingRecordFactory(
        champion=champion,
        module=TrainingModuleFactory(validity_months=12),
        completed_on=datetime.date.today() - relativedelta(months=13),
    )
    for record in (attended, lapsed):
        assert client.get(reverse("champions:certificate", args=[record.pk])).status_code == 404


def test_a_champion_cannot_reach_another_champions_data(client, champion):
    other = ChampionFactory(preferred_name="Zainab", phone="07700 900999")
    other_record = TrainingRecordFactory(champion=other)
    consent_give(champion=other, kind=ConsentKind.STORY, wording_version="2026-01")
    # Every URL that takes an id, tried with the other champion's ids.
    for url in [
        reverse("champions:certificate", args=[other_record.pk]),
        reverse("champions:certificate", args=[other.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    # Pages without ids show only the signed-in champion's data.
    for url in [
        reverse("champions:dashboard"),
        reverse("champions:profile"),
        reverse("champions:consents"),
    ]:
        html = client.get(url).content.decode()
        assert "Zainab" not in html and "900999" not in html, url
    assert "Zainab" not in pdf_text(client.get(reverse("champions:transcript")))
    # Posting another champion's consent kind changes only the signed-in champion's consents.
    client.post(reverse("champions:consents"), {"kind": ConsentKind.STORY, "action": "withdraw"})
    assert Consent.objects.has_current(other, ConsentKind.STORY)


def test_pages_need_a_champion_profile(client):
    from tests.factories.accounts import CoordinatorFactory

    client.force_login(CoordinatorFactory())
    for name in ("dashboard", "profile", "consents", "transcript"):
        assert client.get(reverse(f"champions:{name}")).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("champions:transcript"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
