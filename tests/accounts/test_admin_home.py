"""The coordinator's admin home page: panels of work waiting, counted like the database counts
them, shown by permission, in a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.home_panels import WorkPanel, home_panels_clear
from champions.choices import ActivityStatus, ConsentKind, ExpenseStatus, Stage, TrainingStatus
from champions.models import ActivityLog, ExpenseClaim
from champions.selectors import home
from champions.services.consents import consent_withdraw
from cms.services.stories import story_draft_submit
from events.choices import EventKind, RegistrationStatus
from tests.factories.accounts import CoordinatorFactory, StaffFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
    ExpenseClaimFactory,
    OnboardingCheckFactory,
    StageChangeFactory,
    SupervisionNoteFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
    ready_champion,
)
from tests.factories.cms import StoryPageFactory, story_index
from tests.factories.events import EventFactory, MeetingActionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

# Wednesday 17 June 2026, noon in London: the week runs Monday 15 to Sunday 21 June.
NOW = datetime.datetime(2026, 6, 17, 11, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 6, 17)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _at(days, hour=10):
    return timezone.make_aware(
        datetime.datetime.combine(TODAY + datetime.timedelta(days=days), datetime.time(hour))
    )


def _active(**kwargs):
    return ChampionFactory(active=True, **kwargs)


def _programme():
    """A small programme with one of everything the panels count, and things they must not."""
    ward = AreaFactory(name="Kursaal", slug="kursaal")
    old = ActivityLogFactory(champion=_active(area=ward), date=TODAY, created_at=_at(-9))
    ActivityLogFactory(champion=_active(), date=TODAY, created_at=_at(-2))
    ActivityLogFactory(champion=_active(), approved=True, date=TODAY)
    ExpenseClaimFactory(champion=_active(), date=TODAY, created_at=_at(-4))
    ExpenseClaimFactory(champion=_active(), paid=True, date=TODAY)
    ChampionFactory(user__first_name="Fresh", user__last_name="Start", joined_on=TODAY)
    SupervisionNoteFactory(champion=ChampionFactory())  # an enquiry someone has called
    StageChangeFactory(champion=ChampionFactory(), from_stage=Stage.ENQUIRY, to_stage=Stage.ENQUIRY)
    days = datetime.timedelta
    OnboardingCheckFactory(champion=_active(), renewal_due_on=TODAY - days(3))
    OnboardingCheckFactory(champion=_active(), renewal_due_on=TODAY + days(10))
    OnboardingCheckFactory(champion=_active(), renewal_due_on=TODAY + days(90))
    OnboardingCheckFactory(champion=ChampionFactory(alumni=True), renewal_due_on=TODAY - days(3))
    module = TrainingModuleFactory(validity_months=12)
    TrainingRecordFactory(champion=_active(), module=module, status=TrainingStatus.EXPIRED)
    TrainingRecordFactory(champion=_active(), module=module, completed_on=TODAY - days(350))
    full = EventFactory(title="Stay and play", starts_at=_at(1), capacity=3)
    for status in (
        RegistrationStatus.BOOKED,
        RegistrationStatus.BOOKED,
        RegistrationStatus.WAITING,
    ):
        RegistrationFactory(event=full, champion=_active(), status=status)
    EventFactory(title="Next week", starts_at=_at(7))
    EventFactory(title="Held, no register", starts_at=_at(-3))
    EventFactory(title="Budget meeting", kind=EventKind.CO_PRODUCTION, starts_at=_at(2))
    MeetingActionFactory(what="Book the hall", owner="Council", due_on=TODAY - days(5))
    MeetingActionFactory(what="Not due", due_on=TODAY + days(5))
    return old


def _sections(response):
    panels = [p for p in response.context["panels"] if isinstance(p, WorkPanel)]
    return {s.heading: s for p in panels for s in p.sections}


def test_coordinator_home_counts_what_the_database_counts(client):
    oldest = _programme()
    client.force_login(CoordinatorFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    sections = _sections(response)
    logs = sections["Activity logs"]
    assert logs.count == ActivityLog.objects.filter(status=ActivityStatus.SUBMITTED).count() == 2
    assert logs.rows[0].label.startswith(oldest.champion.display_name())
    assert logs.rows[0].url == f"/admin/activitylog/review/{oldest.pk}/"
    assert logs.rows[0].detail == "waiting 1\xa0week, 2\xa0days"
    assert "status=submitted" in logs.see_all_url
    claims = ExpenseClaim.objects.filter(status=ExpenseStatus.SUBMITTED).count()
    assert sections["Expense claims"].count == claims == 1
    enquiries = sections["Signed up, nobody in touch yet"]
    assert (enquiries.count, [r.label for r in enquiries.rows]) == (1, ["Fresh Start"])
    counts = {heading: section.count for heading, section in sections.items()}
    assert counts["DBS renewals overdue"] == 1
    assert counts["DBS renewals due in 30 days"] == 1
    assert counts["Required training expired"] == 1
    assert counts["Required training expiring in 30 days"] == 1
    assert counts["Ready to activate"] == 0
    week = sections["Events this week"]
    assert week.count == 2  # the stay and play and the budget meeting; not next week's
    assert week.rows[0].detail == "Thu 18 Jun 2026, 10:00: 2 booked of 3, 1 waiting"
    assert [r.label for r in sections["Registers still to take"].rows] == ["Held, no register"]
    quorum = next(s for h, s in sections.items() if h.startswith("Meetings below"))
    assert [r.label for r in quorum.rows] == ["Budget meeting"]
    actions = sections["Overdue meeting actions"]
    assert [r.label for r in actions.rows] == ["Book the hall (Council)"]
    assert actions.rows[0].detail == "due Fri 12 Jun 2026"
    page = response.content.decode()
    assert "Waiting for review" in page and "See all 2" in page


def test_the_home_page_runs_the_same_number_of_queries_for_more_work(client):
    client.force_login(CoordinatorFactory())
    _programme()
    client.get("/admin/")  # warm the settings and permission caches
    home_panels_clear()  # the panels counted afresh, not from the cache
    with CaptureQueriesContext(connection) as some:
        client.get("/admin/")
    _programme()
    _programme()
    home_panels_clear()
    with CaptureQueriesContext(connection) as more:
        response = client.get("/admin/")
    assert response.status_code == 200
    # Panels of four apps, each a fixed few queries; a champions section with rows to show
    # reads them by key after the count (five such sections here).
    assert len(more) == len(some) == 39


def test_viewers_see_the_panels_with_read_only_links(client):
    _programme()
    client.force_login(ViewerFactory())
    response = client.get("/admin/")
    sections = _sections(response)
    assert sections["Activity logs"].count == 2
    week = sections["Events this week"]
    assert week.rows and all(row.url == "/admin/events/" for row in week.rows)
    assert all(r.url == "/admin/open_actions/" for r in sections["Overdue meeting actions"].rows)


def test_staff_without_a_permission_do_not_get_its_panel(client):
    _programme()
    user = StaffFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    sections = _sections(client.get("/admin/"))
    assert "Activity logs" not in sections and "Events this week" not in sections


def test_stories_awaiting_moderation_and_taken_down_for_consent(client):
    story_index()
    waiting = story_draft_submit(
        champion=ChampionFactory(), title="Finding my voice", summary="S", text="T"
    )
    champion = ChampionFactory()
    ConsentFactory(champion=champion, kind=ConsentKind.STORY)
    down = StoryPageFactory(title="Dad's group", champion=champion)
    StoryPageFactory(title="Still up", champion=ConsentFactory(kind=ConsentKind.STORY).champion)
    consent_withdraw(champion=champion, kind=ConsentKind.STORY)
    # Coordinators moderate stories (their group's rights on the stories index), as does
    # Wagtail's "Moderators" group; staff with neither do not get the panel.
    plain = StaffFactory()
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain)
    assert "Awaiting moderation" not in _sections(client.get("/admin/"))
    moderator = StaffFactory()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert "Awaiting moderation" in _sections(client.get("/admin/"))
    client.force_login(CoordinatorFactory())
    sections = _sections(client.get("/admin/"))
    moderation = sections["Awaiting moderation"]
    assert [r.label for r in moderation.rows] == ["Finding my voice"]
    assert moderation.rows[0].url == f"/admin/pages/{waiting.pk}/edit/"
    taken_down = sections["Unpublished because consent was withdrawn"]
    assert (taken_down.count, [r.label for r in taken_down.rows]) == (1, [down.title])


def test_sections_count_every_match_and_show_the_first_five(client):
    # Counted with the keys of the first rows (a window taken before the LIMIT), the rows then
    # read by key: still in the section's order.
    joined = [ChampionFactory(joined_on=TODAY - datetime.timedelta(days=day)) for day in range(7)]
    client.force_login(CoordinatorFactory())
    enquiries = _sections(client.get("/admin/"))["Signed up, nobody in touch yet"]
    assert enquiries.count == 7
    assert [r.label for r in enquiries.rows] == [c.display_name() for c in joined[:1:-1]]
    assert enquiries.rows[0].detail == "signed up Thu 11 Jun 2026"  # the oldest first


def test_lapsed_training_is_counted_and_the_first_five_read_by_key(
    django_assert_num_queries,
):
    module = TrainingModuleFactory(title="Safeguarding", validity_months=12)
    ago = [datetime.timedelta(days=n) for n in (370, 400, 380, 390, 366, 420, 410)]
    lapsed = [
        TrainingRecordFactory(champion=_active(), module=module, completed_on=TODAY - days)
        for days in ago
    ]
    TrainingRecordFactory(champion=_active(), module=module)  # in date
    TrainingRecordFactory(  # lapsed, but the champion no longer serves
        champion=ChampionFactory(alumni=True), module=module, completed_on=TODAY - ago[1]
    )
    oldest = sorted(lapsed, key=lambda r: (r.expires_on, r.pk))[:5]
    # Lapsed: the count with the keys, then the rows with what they show; expiring: no keys.
    with django_assert_num_queries(3):
        count, rows = home.required_training_due(today=TODAY, limit=5)["expired"]
        shown = [(r.champion.display_name(), r.champion.area, r.module.title) for r in rows]
    assert count == 7
    assert rows == oldest
    assert [title for *_, title in shown] == ["Safeguarding"] * 5


def test_champions_ready_to_activate_are_counted_and_listed(client):
    # No module is required here: every check complete and in date is enough.
    first = ready_champion(user__first_name="Ada", user__last_name="Ready")
    ready_champion(stage=Stage.ACTIVE)  # active already
    OnboardingCheckFactory(champion=ChampionFactory(stage=Stage.ONBOARDING))  # one check only
    client.force_login(CoordinatorFactory())
    ready = _sections(client.get("/admin/"))["Ready to activate"]
    assert (ready.count, [r.label for r in ready.rows]) == (1, [first.display_name()])
