"""The admin home page's panels are kept in the shared cache for a short time: a change to what
a panel counts shows on the next page at once, the cache is kept per set of permissions, and a
change no signal reports shows within ADMIN_HOME_CACHE_SECONDS."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.home_panels import WorkPanel, home_panels_clear
from champions.choices import ActivityStatus, CheckStatus, ConsentKind, Stage, TrainingStatus
from champions.models import ActivityLog
from champions.services.activity import activity_logs_approve
from champions.services.consents import consent_withdraw
from champions.services.expenses import expense_claims_approve
from champions.services.journey import champion_change_stage
from champions.services.training import (
    training_record_complete,
    training_records_mark_attended,
)
from cms.services.stories import story_draft_submit
from events.choices import ActionStatus
from events.models import MeetingAction
from events.services.attendance import attendance_record
from events.services.booking import registration_book, registration_cancel
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    ChampionFactory,
    ConsentFactory,
    ExpenseClaimFactory,
    OnboardingCheckFactory,
    SupervisionNoteFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)
from tests.factories.cms import StoryPageFactory, story_index
from tests.factories.events import EventFactory, MeetingActionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 17, 11, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 6, 17)
DAYS = datetime.timedelta


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def coordinator(client):
    user = CoordinatorFactory()
    client.force_login(user)
    return user


def _sections(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    panels = [p for p in response.context["panels"] if isinstance(p, WorkPanel)]
    return {s.heading: s for p in panels for s in p.sections}


def _count(client, heading):
    return _sections(client)[heading].count


def _at(days, hour=10):
    when = datetime.datetime.combine(TODAY + DAYS(days), datetime.time(hour))
    return timezone.make_aware(when)


def test_approving_a_log_or_a_claim_shows_at_once(client, coordinator):
    log = ActivityLogFactory(champion=ChampionFactory(active=True), date=TODAY)
    claim = ExpenseClaimFactory(champion=ChampionFactory(active=True), date=TODAY)
    assert _count(client, "Activity logs") == 1
    assert _count(client, "Expense claims") == 1
    activity_logs_approve(logs=[log], by=coordinator)
    assert _count(client, "Activity logs") == 0
    expense_claims_approve(claims=[claim], by=coordinator)
    assert _count(client, "Expense claims") == 0


def test_a_log_sent_for_review_shows_at_once(client, coordinator):
    assert _count(client, "Activity logs") == 0
    ActivityLogFactory(champion=ChampionFactory(active=True), date=TODAY)
    assert _count(client, "Activity logs") == 1


def test_a_stage_change_or_a_note_takes_an_enquiry_off_at_once(client, coordinator):
    moved, noted = ChampionFactory(), ChampionFactory()
    heading = "Signed up, nobody in touch yet"
    assert _count(client, heading) == 2
    champion_change_stage(champion=moved, to_stage=Stage.ONBOARDING, by=coordinator)
    assert _count(client, heading) == 1
    SupervisionNoteFactory(champion=noted)
    assert _count(client, heading) == 0


def test_a_renewed_check_or_completed_training_shows_at_once(client, coordinator):
    check = OnboardingCheckFactory(
        champion=ChampionFactory(active=True), renewal_due_on=TODAY - DAYS(3)
    )
    module = TrainingModuleFactory(validity_months=12)
    record = TrainingRecordFactory(
        champion=ChampionFactory(active=True), module=module, status=TrainingStatus.EXPIRED
    )
    assert _count(client, "DBS renewals overdue") == 1
    assert _count(client, "Required training expired") == 1
    check.renewal_due_on = TODAY + DAYS(3 * 365)
    check.save()
    assert _count(client, "DBS renewals overdue") == 0
    training_record_complete(
        champion=record.champion, module=module, completed_on=TODAY, verified_by=coordinator
    )
    assert _count(client, "Required training expired") == 0


def test_training_marked_attended_in_bulk_shows_at_once(client, coordinator):
    record = TrainingRecordFactory(
        champion=ChampionFactory(active=True),
        module=TrainingModuleFactory(validity_months=12),
        status=TrainingStatus.EXPIRED,
    )
    assert _count(client, "Required training expired") == 1
    training_records_mark_attended(module_id=record.module_id, champion_ids=[record.champion_id])
    assert _count(client, "Required training expired") == 0


def test_bookings_and_a_register_taken_show_at_once(client, coordinator):
    event = EventFactory(title="Stay and play", starts_at=_at(1), capacity=3)
    held = EventFactory(title="Held, no register", starts_at=_at(-3))
    booking = RegistrationFactory(event=held, champion=ChampionFactory(active=True))
    assert _sections(client)["Events this week"].rows[0].detail.endswith(": 0 booked of 3")
    registration = registration_book(event=event, champion=ChampionFactory(active=True))
    assert _sections(client)["Events this week"].rows[0].detail.endswith(": 1 booked of 3")
    registration_cancel(registration=registration)
    assert _sections(client)["Events this week"].rows[0].detail.endswith(": 0 booked of 3")
    assert _count(client, "Registers still to take") == 1
    attendance_record(
        event=held,
        marks={booking.pk: True},
        families_reached=None,
        children_reached=None,
        by=coordinator,
    )
    assert _count(client, "Registers still to take") == 0


def test_an_action_done_leaves_the_overdue_list_at_once(client, coordinator):
    action = MeetingActionFactory(due_on=TODAY - DAYS(5))
    assert _count(client, "Overdue meeting actions") == 1
    action.status = ActionStatus.DONE
    action.save()
    assert _count(client, "Overdue meeting actions") == 0


def test_a_story_sent_for_moderation_or_taken_down_shows_at_once(client, coordinator):
    story_index()
    champion = ChampionFactory()
    ConsentFactory(champion=champion, kind=ConsentKind.STORY)
    StoryPageFactory(title="Dad's group", champion=champion)
    assert _count(client, "Awaiting moderation") == 0
    assert _count(client, "Unpublished because consent was withdrawn") == 0
    story_draft_submit(champion=ChampionFactory(), title="My voice", summary="S", text="T")
    assert _count(client, "Awaiting moderation") == 1
    consent_withdraw(champion=champion, kind=ConsentKind.STORY)
    assert _count(client, "Unpublished because consent was withdrawn") == 1


def test_viewers_do_not_get_the_coordinators_cached_links(client, coordinator):
    action = MeetingActionFactory(due_on=TODAY - DAYS(5))
    action_url = _sections(client)["Overdue meeting actions"].rows[0].url
    assert action_url == f"/admin/open_actions/edit/{action.pk}/"
    client.force_login(ViewerFactory())
    assert _sections(client)["Overdue meeting actions"].rows[0].url == "/admin/open_actions/"


def test_a_change_no_signal_reports_shows_within_the_cache_time(
    client, coordinator, frozen, settings
):
    # Local memory, whose expiry follows the travelled clock (Redis keeps its own time).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    ActivityLogFactory(champion=ChampionFactory(active=True), date=TODAY)
    _count(client, "Activity logs")  # the first page saves the events settings: a change
    assert _count(client, "Activity logs") == 1
    ActivityLog.objects.update(status=ActivityStatus.APPROVED)  # a bulk write: no signal
    assert _count(client, "Activity logs") == 1  # still the cached count
    frozen.shift(settings.ADMIN_HOME_CACHE_SECONDS + 1)
    assert _count(client, "Activity logs") == 0


PANEL_TABLES = ("champions_activitylog", "champions_trainingrecord", "events_meetingaction")


def test_a_cached_page_reads_no_panel_table_and_as_many_queries_for_more_work(client, coordinator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        read = [q["sql"] for q in captured if any(t in q["sql"] for t in PANEL_TABLES)]
        return len(captured), read

    OnboardingCheckFactory(champion=ChampionFactory(active=True), status=CheckStatus.COMPLETE)
    queries()  # warm the settings and permission caches
    home_panels_clear()
    fresh = queries()
    cached = queries()
    for _ in range(3):
        ActivityLogFactory(champion=ChampionFactory(active=True), date=TODAY)
        MeetingActionFactory(due_on=TODAY - DAYS(5))
    home_panels_clear()
    queries()
    assert queries() == cached
    assert fresh[1] and not cached[1]  # the panels come from the cache
    assert cached[0] < fresh[0]


def test_approving_a_log_recounts_the_reviews_and_keeps_the_other_panels_cached(
    client, coordinator
):
    log = ActivityLogFactory(champion=ChampionFactory(active=True), date=TODAY)
    MeetingActionFactory(due_on=TODAY - DAYS(5))
    _sections(client)  # the first page saves the events settings: a change
    assert _count(client, "Activity logs") == 1
    activity_logs_approve(logs=[log], by=coordinator)
    with CaptureQueriesContext(connection) as captured:
        sections = _sections(client)
    assert sections["Activity logs"].count == 0
    assert sections["Overdue meeting actions"].count == 1
    read = " ".join(q["sql"] for q in captured)
    assert "champions_activitylog" in read
    assert "champions_trainingrecord" not in read and "events_meetingaction" not in read


def test_a_named_panel_retired_by_hand_is_counted_afresh(client, coordinator):
    MeetingActionFactory(due_on=TODAY - DAYS(5))
    _sections(client)  # the first page saves the events settings: a change
    assert _count(client, "Overdue meeting actions") == 1
    MeetingAction.objects.update(status=ActionStatus.DONE)  # a bulk write: no signal
    assert _count(client, "Overdue meeting actions") == 1
    home_panels_clear("reviews")
    assert _count(client, "Overdue meeting actions") == 1
    home_panels_clear("actions")
    assert _count(client, "Overdue meeting actions") == 0
