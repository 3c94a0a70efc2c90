import datetime
import zoneinfo

import pytest
import time_machine

from champions.choices import ActivityStatus, ExpenseStatus
from events.choices import ActionStatus, EventKind
from events.services.digest import coordinator_digest_send
from tests.factories.accounts import CoordinatorFactory, StaffFactory
from tests.factories.champions import (
    ActivityLogFactory,
    ChampionFactory,
    ExpenseClaimFactory,
    OnboardingCheckFactory,
)
from tests.factories.events import (
    EventFactory,
    MeetingActionFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_weekly_digest_goes_to_coordinators_once_a_week(
    smtp_server, django_capture_on_commit_callbacks
):
    today = datetime.date(2027, 3, 8)  # a Monday
    coordinator = CoordinatorFactory()
    StaffFactory()  # staff outside the coordinators group get nothing
    soon = datetime.datetime(2027, 3, 11, 10, 0, tzinfo=LONDON)
    EventFactory(title="Stay and play", starts_at=soon, ends_at=soon.replace(hour=12), capacity=5)
    full = EventFactory(title="Full up", starts_at=soon, ends_at=soon.replace(hour=12), capacity=1)
    RegistrationFactory(event=full)
    later = datetime.datetime(2027, 4, 1, 10, 0, tzinfo=LONDON)
    EventFactory(title="Next month", starts_at=later, ends_at=later.replace(hour=12))
    MeetingActionFactory(what="Share the survey results", due_on=datetime.date(2027, 3, 1))
    MeetingActionFactory(
        what="Done already", due_on=datetime.date(2027, 3, 1), status=ActionStatus.DONE
    )
    MeetingActionFactory(what="Not due yet", due_on=datetime.date(2027, 3, 20))
    ActivityLogFactory(status=ActivityStatus.SUBMITTED)
    ActivityLogFactory(approved=True)
    ExpenseClaimFactory(status=ExpenseStatus.SUBMITTED)
    dbs = OnboardingCheckFactory(
        champion__preferred_name="Dee",
        completed_on=datetime.date(2024, 3, 20),
        renewal_due_on=datetime.date(2027, 3, 20),
    )
    OnboardingCheckFactory(renewal_due_on=datetime.date(2027, 9, 1))  # not yet

    with (
        time_machine.travel(datetime.datetime(2027, 3, 8, 7, 30, tzinfo=LONDON)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert coordinator_digest_send(today=today) == 1
        assert coordinator_digest_send(today=today + datetime.timedelta(days=2)) == 0
    [message] = smtp_server.to(coordinator.email)
    body = smtp_server.body(message)
    assert "Stay and play" in body and "5 places, 0 booked" in body
    assert "Full up" not in body and "Next month" not in body
    assert "Share the survey results" in body
    assert "Done already" not in body and "Not due yet" not in body
    assert "Activity logs: 1" in body and "Expense claims: 1" in body
    assert f"DBS renewal for {dbs.champion.display_name()}: 20 Mar 2027" in body
    assert body.count("DBS renewal for") == 1
    assert message["Subject"] == "Weekly digest: week of 8 March 2027"
    assert len(smtp_server.messages) == 1


def test_weekly_digest_lists_overdue_dbs_and_what_the_home_page_counts(
    smtp_server, django_capture_on_commit_callbacks
):
    today = datetime.date(2027, 3, 10)  # a Wednesday
    coordinator = CoordinatorFactory()
    OnboardingCheckFactory(
        champion=ChampionFactory(active=True, user__first_name="Ola", user__last_name="Nowak"),
        completed_on=datetime.date(2024, 1, 5),
        renewal_due_on=datetime.date(2027, 1, 5),
    )
    OnboardingCheckFactory(  # a champion who left: no longer chased
        champion=ChampionFactory(alumni=True), renewal_due_on=datetime.date(2027, 1, 5)
    )
    ChampionFactory()  # a new enquiry nobody has called
    held = datetime.datetime(2027, 3, 8, 10, 0, tzinfo=LONDON)
    EventFactory(title="Monday drop-in", starts_at=held, ends_at=held.replace(hour=12))
    meeting = datetime.datetime(2027, 3, 12, 10, 0, tzinfo=LONDON)
    EventFactory(
        title="Budget meeting",
        kind=EventKind.CO_PRODUCTION,
        starts_at=meeting,
        ends_at=meeting.replace(hour=12),
    )
    with (
        time_machine.travel(datetime.datetime(2027, 3, 10, 7, 30, tzinfo=LONDON), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        coordinator_digest_send(today=today)
    body = smtp_server.body(smtp_server.to(coordinator.email)[0]).replace("\r\n", "\n")
    assert "DBS renewals overdue\n- DBS renewal for Ola Nowak was due 5 Jan 2027\n" in body
    assert body.count("was due") == 1
    assert "New enquiries nobody has contacted yet: 1" in body
    assert "Registers still to take: 1\n- Mon 8 Mar 2027: Monday drop-in" in body
    assert "below the parent quorum" in body and "Budget meeting, 0 booked" in body
