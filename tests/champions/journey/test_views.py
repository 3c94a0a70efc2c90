import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from champions.choices import CheckKind, ConsentKind, Stage
from champions.models import ChampionsSettings, Consent
from champions.services.consents import consent_give
from tests.champions.clock import JOURNEY_TODAY as TODAY
from tests.factories.champions import (
    ChampionFactory,
    StageChangeFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
    ready_champion,
)

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
    ChampionsSettings.load()  # the settings row exists, as on any site after its first request
    client.force_login(small.user)
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(reverse("champions:dashboard")).status_code == 200
    client.force_login(large.user)
    with django_assert_num_queries(len(small_queries)):
        response = client.get(reverse("champions:dashboard"))
    assert response.content.decode().count("<tr") == 1 + 70  # header + the whole catalogue


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
