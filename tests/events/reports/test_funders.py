"""Funder reports: figures equal direct database aggregates, gaps shown as zeros, access by
permission, downloads formula-safe, a fixed number of queries."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from champions.choices import ActivityStatus, Stage, TrainingStatus
from champions.models import ActivityFactor, ActivityLog, ExpenseClaim
from champions.report_cache import report_figures_clear
from events.models import Event, EventsSettings
from tests.factories.accounts import CoordinatorFactory, StaffFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ExpenseClaimFactory,
    StageChangeFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
    protective_factors,
)
from tests.factories.events import EventFactory, RegistrationFactory, WalkInFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 17, 11, 0, tzinfo=datetime.UTC)
HOURS = "/admin/funders/hours-and-reach/"
FACTORS = "/admin/funders/factor-coverage/"
TRAINING = "/admin/funders/training-compliance/"
EXPENSES = "/admin/funders/expenses/"
EVENTS = "/admin/funders/events-and-attendance/"
PIPELINE = "/admin/funders/onboarding-pipeline/"
RANGE = {"start": "2026-04-01", "end": "2026-06-30"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _at(day):
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)


def _programme():
    factors = {f.code: f for f in protective_factors()}
    kursaal = AreaFactory(name="Kursaal", slug="kursaal")
    AreaFactory(name="Quiet Ward", slug="quiet")  # no activity at all
    amina = ChampionFactory(active=True, area=kursaal)
    paused = ChampionFactory(paused=True, area=kursaal)
    approved = ActivityStatus.APPROVED
    for champion, day, hours, codes in (
        (amina, datetime.date(2026, 4, 3), "2.5", ["connections", "resilience"]),
        (amina, datetime.date(2026, 5, 9), "1.25", ["connections"]),
        (paused, datetime.date(2026, 5, 20), "3", []),
        (amina, datetime.date(2026, 1, 20), "4", ["nurturing"]),  # the period before
    ):
        log = ActivityLogFactory(champion=champion, date=day, hours=Decimal(hours), status=approved)
        for code in codes:
            ActivityFactor.objects.create(activity=log, factor=factors[code])
    ActivityLogFactory(champion=amina, date=datetime.date(2026, 5, 1), hours=6)  # not approved
    start = _at(datetime.date(2026, 5, 12))
    EventFactory(area=kursaal, starts_at=start, families_reached=14)
    EventFactory(area=kursaal, starts_at=start, families_reached=9, cancelled=True)
    return kursaal


def _csv(client, url, params):
    response = client.get(url, {**params, "export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode())))


@pytest.fixture
def coordinator_client(client):
    client.force_login(CoordinatorFactory())
    return client


def test_hours_and_reach_equal_direct_sums_and_show_a_quiet_ward(coordinator_client):
    kursaal = _programme()
    rows = _csv(coordinator_client, HOURS, RANGE)
    by_key = {(r["Ward"], r["Month"]): r for r in rows}
    direct = ActivityLog.objects.filter(
        status=ActivityStatus.APPROVED,
        champion__area=kursaal,
        date__range=(datetime.date(2026, 5, 1), datetime.date(2026, 5, 31)),
    ).aggregate(total=Sum("hours"))["total"]
    assert Decimal(by_key[("Kursaal", "May 2026")]["Approved hours"]) == direct == Decimal("4.25")
    assert by_key[("Kursaal", "May 2026")]["Families reached at events"] == "14"
    assert by_key[("Quiet Ward", "May 2026")]["Approved hours"] == "0"
    assert {r["Ward"] for r in rows} == {"Kursaal", "Quiet Ward", "No ward"}
    assert len(rows) == 3 * 3  # three wards by three months
    total = sum(Decimal(r["Approved hours"]) for r in rows)
    assert total == Decimal("6.75")


def test_the_table_on_screen_shows_the_rows_of_the_download(coordinator_client):
    _programme()
    rows = _csv(coordinator_client, HOURS, RANGE)
    page = coordinator_client.get(HOURS, RANGE).content.decode()
    table = page[
        page.index('<table class="listing">') : page.index(
            "</table>", page.index('<table class="listing">')
        )
    ]

    headings = re.findall(r'<th scope="col">(.*?)</th>', table)
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr><td>.*?</tr>", table)]
    assert headings == list(rows[0])
    assert cells == [list(r.values()) for r in rows]


def test_hours_and_reach_filters_by_stage_and_says_the_change_on_the_period_before(
    coordinator_client,
):
    _programme()
    rows = _csv(coordinator_client, HOURS, {**RANGE, "stage": Stage.ACTIVE})
    assert sum(Decimal(r["Approved hours"]) for r in rows) == Decimal("3.75")
    page = coordinator_client.get(HOURS, RANGE).content.decode()
    # 6.75 hours now, 4 in the 91 days before (1 Jan to 31 Mar).
    assert "+2.75 (+69%)" in page
    assert "<svg" in page and "Approved hours by month" in page


def test_factor_coverage_equals_direct_counts_and_keeps_factors_with_none(coordinator_client):
    _programme()
    rows = _csv(coordinator_client, FACTORS, RANGE)
    kursaal_q2 = {r["Protective factor"]: r for r in rows if r["Ward"] == "Kursaal"}
    assert len(kursaal_q2) == 6
    direct = ActivityFactor.objects.filter(
        factor="connections",
        activity__status=ActivityStatus.APPROVED,
        activity__date__range=(datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
    ).aggregate(total=Sum("activity__hours"))["total"]
    connections = kursaal_q2["Social connections"]
    assert Decimal(connections["Approved hours"]) == direct == Decimal("3.75")
    assert connections["Activities"] == "2"
    assert kursaal_q2["Nurturing and attachment"]["Approved hours"] == "0"  # only in Q1
    assert {r["Quarter"] for r in rows} == {"Q2 2026"}


def test_training_compliance_counts_active_champions_per_module(coordinator_client):
    module = TrainingModuleFactory(title="Safeguarding", validity_months=12)
    today = datetime.date(2026, 6, 17)
    in_date = ChampionFactory(active=True)
    TrainingRecordFactory(champion=in_date, module=module, completed_on=today)
    expiring = ChampionFactory(active=True)
    TrainingRecordFactory(champion=expiring, module=module, completed_on=datetime.date(2025, 7, 1))
    TrainingRecordFactory(
        champion=ChampionFactory(active=True), module=module, status=TrainingStatus.EXPIRED
    )
    ChampionFactory(active=True)  # never trained
    TrainingRecordFactory(champion=ChampionFactory(alumni=True), module=module)  # not counted
    [row] = [r for r in _csv(coordinator_client, TRAINING, {}) if r["Module"] == "Safeguarding"]
    assert (row["Champions"], row["In date"], row["Expiring in 30 days"]) == ("4", "1", "1")
    assert (row["Expired"], row["Not completed"]) == ("1", "1")


def test_downloads_cannot_carry_a_formula(coordinator_client):
    AreaFactory(name="=HYPERLINK(1)", slug="evil")
    rows = _csv(coordinator_client, HOURS, RANGE)
    assert {r["Ward"] for r in rows} >= {"'=HYPERLINK(1)"}
    response = coordinator_client.get(HOURS, {**RANGE, "export": "xlsx"})
    assert response.status_code == 200


@pytest.mark.parametrize("url", [HOURS, FACTORS, TRAINING, EXPENSES, EVENTS, PIPELINE])
def test_viewers_and_coordinators_read_reports_and_champions_cannot(client, url):
    client.force_login(ViewerFactory())
    assert client.get(url).status_code == 200
    client.force_login(CoordinatorFactory())
    assert client.get(url).status_code == 200
    client.force_login(ChampionFactory().user)
    assert client.get(url).status_code == 403
    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    for address in (url, url + "results/", url + "?export=csv"):
        refused = client.get(address)  # a 403 page, not Wagtail's redirect home
        assert refused.status_code == 403, address
        assert b"You do not have permission to open this page" in refused.content


def test_the_reports_menu_lists_only_the_reports_the_user_may_read(client):
    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    home = client.get("/admin/").content.decode()
    for url in (HOURS, FACTORS, TRAINING, EXPENSES, EVENTS, PIPELINE):
        assert f'"{url}"' not in home, url
    client.force_login(ViewerFactory())
    home = client.get("/admin/").content.decode()
    for url in (HOURS, FACTORS, TRAINING, EXPENSES, EVENTS, PIPELINE):
        assert f'"{url}"' in home, url


@pytest.mark.parametrize("url", [HOURS, FACTORS, TRAINING, EXPENSES, EVENTS, PIPELINE])
def test_reports_run_a_fixed_number_of_queries(coordinator_client, url):
    _programme()
    coordinator_client.get(url, RANGE)
    report_figures_clear()  # both counts are of the figures worked out, not read from the cache
    with CaptureQueriesContext(connection) as some:
        coordinator_client.get(url, RANGE)
    for n in range(3):
        ward = AreaFactory()
        ActivityLogFactory(
            champion=ChampionFactory(active=True, area=ward),
            date=datetime.date(2026, 5, 2 + n),
            status=ActivityStatus.APPROVED,
        )
        EventFactory(area=ward, starts_at=_at(datetime.date(2026, 5, 3)), families_reached=2)
        TrainingRecordFactory(champion=ChampionFactory(active=True))
    report_figures_clear()
    with CaptureQueriesContext(connection) as more:
        coordinator_client.get(url, RANGE)
    assert len(more) == len(some)
    assert Event.objects.count() > 2


def test_expenses_equal_direct_sums_with_childcare_on_its_own(coordinator_client):
    champion = ChampionFactory(active=True)
    may = datetime.date(2026, 5, 4)
    ExpenseClaimFactory(
        champion=champion, category="childcare", amount=Decimal("30"), date=may, paid=True
    )
    ExpenseClaimFactory(
        champion=champion, category="childcare", amount=Decimal("12.50"), date=may, approved=True
    )
    ExpenseClaimFactory(champion=champion, category="travel", amount=Decimal("4.20"), date=may)
    ExpenseClaimFactory(
        champion=champion, category="travel", amount=Decimal("9"), date=may, rejected=True
    )
    rows = {(r["Category"], r["Month"]): r for r in _csv(coordinator_client, EXPENSES, RANGE)}
    childcare = rows[("Childcare", "May 2026")]
    direct = ExpenseClaim.objects.filter(category="childcare").aggregate(t=Sum("amount"))["t"]
    assert Decimal(childcare["Claimed (£)"]) == direct == Decimal("42.50")
    assert Decimal(childcare["Approved (£)"]) == Decimal("42.50")
    assert Decimal(childcare["Paid (£)"]) == Decimal("30")
    assert Decimal(rows[("Travel", "May 2026")]["Claimed (£)"]) == Decimal("13.20")
    assert rows[("Food and drink", "May 2026")]["Claims"] == "0"
    assert "Childcare paid" in coordinator_client.get(EXPENSES, RANGE).content.decode()


def test_events_and_attendance_count_bookings_presence_walk_ins_and_quorum(coordinator_client):
    held = EventFactory(kind="co_production", starts_at=_at(datetime.date(2026, 5, 12)))
    for attended in (True, True, False, None):
        RegistrationFactory(event=held, attended=attended)
    WalkInFactory(event=held, role="parent")
    EventFactory(kind="co_production", starts_at=_at(datetime.date(2026, 5, 13)), cancelled=True)
    EventFactory(kind="co_production", starts_at=_at(datetime.date(2026, 6, 30)))  # not yet held
    [row] = [r for r in _csv(coordinator_client, EVENTS, RANGE) if r["Events held"] != "0"]
    assert (row["Events held"], row["Champions booked"], row["Champions present"]) == (
        "1",
        "4",
        "2",
    )
    assert (row["Walk-ins"], row["No-show rate"]) == ("1", "33%")
    required = EventsSettings.load().meeting_quorum_parents
    assert row["Meetings with parent quorum"] == ("1" if required <= 3 else "0")


def test_onboarding_pipeline_counts_stages_conversion_and_median_days(coordinator_client):
    for days in (10, 20, 40):
        champion = ChampionFactory(stage=Stage.ONBOARDING)
        joined = NOW - datetime.timedelta(days=days + 5)
        StageChangeFactory(champion=champion, from_stage="", to_stage="enquiry", changed_at=joined)
        StageChangeFactory(
            champion=champion,
            from_stage="enquiry",
            to_stage="onboarding",
            changed_at=joined + datetime.timedelta(days=days),
        )
    ChampionFactory()  # still an enquiry
    rows = {r["Stage"]: r for r in _csv(coordinator_client, PIPELINE, RANGE)}
    assert rows["Enquiry"]["Champions now"] == "1" and rows["Onboarding"]["Champions now"] == "3"
    assert rows["Enquiry"]["Moves out in the period"] == "3"
    assert rows["Enquiry"]["Of which onward"] == "100%"
    assert rows["Enquiry"]["Median days in stage"] == "20"
