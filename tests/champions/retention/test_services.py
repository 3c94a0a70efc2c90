"""Each retention rule drops what it should at the right time, keeps the rest, runs nightly and
does nothing the second time."""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Revision

from accounts.choices import OutboxStatus
from accounts.models import OutboxMessage
from accounts.redaction import REMOVED
from accounts.tasks.outbox import clear_old_outbox_bodies
from champions.choices import CheckKind, CheckStatus, ConsentKind, Stage
from champions.retention import RULES
from champions.services.consents import consent_give
from champions.tasks.retention import delete_old_receipts, drop_dbs_certificate_numbers
from cms.tasks.stories import prune_former_champion_story_revisions
from tests.factories.champions import (
    ChampionFactory,
    ExpenseClaimFactory,
    OnboardingCheckFactory,
)
from tests.factories.cms import StoryPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC), tick=False)


def test_every_rule_has_a_setting_and_a_nightly_job():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for rule in RULES:
        assert isinstance(settings.RETENTION[rule.key], int), rule.key
        assert rule.task in scheduled, rule.task


def test_dbs_certificate_number_goes_six_months_after_the_check_date_and_outcome_stay():
    old = OnboardingCheckFactory(
        kind=CheckKind.DBS,
        status=CheckStatus.COMPLETE,
        completed_on=TODAY - datetime.timedelta(days=184),
        certificate_last4="1234",
    )
    recent = OnboardingCheckFactory(
        kind=CheckKind.DBS,
        completed_on=TODAY - datetime.timedelta(days=100),
        certificate_last4="5678",
    )
    assert drop_dbs_certificate_numbers.delay().get() == 1
    assert drop_dbs_certificate_numbers.delay().get() == 0
    old.refresh_from_db(), recent.refresh_from_db()
    assert old.certificate_last4 == "" and recent.certificate_last4 == "5678"
    assert old.completed_on == TODAY - datetime.timedelta(days=184)
    assert old.status == CheckStatus.COMPLETE


def test_receipts_go_after_the_finance_period_and_the_claim_stays(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    old = ExpenseClaimFactory(date=datetime.date(2019, 3, 1), amount="12.40")
    old.receipt.save("old.png", ContentFile(b"png"), save=True)
    recent = ExpenseClaimFactory(date=datetime.date(2020, 3, 1))
    recent.receipt.save("recent.png", ContentFile(b"png"), save=True)
    old_name = old.receipt.name

    with django_capture_on_commit_callbacks(execute=True):
        assert delete_old_receipts.delay().get() == 1
    assert delete_old_receipts.delay().get() == 0

    old.refresh_from_db(), recent.refresh_from_db()
    assert not old.receipt and str(old.amount) == "12.40"
    assert not old.receipt.storage.exists(old_name)
    assert recent.receipt and recent.receipt.storage.exists(recent.receipt.name)


def test_outbox_bodies_go_after_90_days_and_the_delivery_record_stays():
    sent_at = timezone.now() - datetime.timedelta(days=91)
    old = OutboxMessage.objects.create(
        key="events.registration.1.reminder",
        address="jo@example.org",
        subject="Your event tomorrow, Jo",
        body="Hello Jo",
        attachments=[{"filename": "event.ics", "content": "x", "mimetype": "text/calendar"}],
        status=OutboxStatus.SENT,
        created_at=sent_at,
        sent_at=sent_at,
    )
    recent = OutboxMessage.objects.create(
        key="events.registration.2.reminder", address="sam@example.org", subject="S", body="B"
    )
    assert clear_old_outbox_bodies.delay().get() == 1
    assert clear_old_outbox_bodies.delay().get() == 0
    old.refresh_from_db(), recent.refresh_from_db()
    assert (old.subject, old.body, old.attachments) == (REMOVED, "", [])
    assert (old.key, old.address, old.status, old.sent_at) == (
        "events.registration.1.reminder",
        "jo@example.org",
        OutboxStatus.SENT,
        sent_at,
    )
    assert recent.body == "B"


def test_stories_about_former_champions_keep_only_latest_and_live_revisions():
    former = ChampionFactory(stage=Stage.ALUMNI, left_on=TODAY - datetime.timedelta(days=91))
    current = ChampionFactory(active=True)
    stories = []
    for champion in (former, current):
        consent_give(champion=champion, kind=ConsentKind.STORY)
        story = StoryPageFactory(champion=champion, summary="First words")
        for words in ("Second words", "Third words"):
            story.summary = words
            story.save_revision()
        stories.append(story)

    assert prune_former_champion_story_revisions.delay().get() == 1  # the middle one
    assert prune_former_champion_story_revisions.delay().get() == 0
    former_story, current_story = stories
    former_story.refresh_from_db()
    kept = set(
        Revision.page_revisions.filter(object_id=str(former_story.pk)).values_list("pk", flat=True)
    )
    assert kept == {former_story.latest_revision_id, former_story.live_revision_id}
    assert Revision.page_revisions.filter(object_id=str(current_story.pk)).count() == 3
