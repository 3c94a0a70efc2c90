import csv
import datetime
import io
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from champions.choices import CheckKind, Stage
from tests.champions.clock import JOURNEY_TODAY as TODAY
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
    StageChangeFactory,
    SupervisionNoteFactory,
    TrainingRecordFactory,
    ready_champion,
)

pytestmark = pytest.mark.django_db


INDEX = "/admin/champion/"


@pytest.fixture
def coordinator(client):
    user = CoordinatorFactory()
    client.force_login(user)
    return user


@pytest.fixture
def viewer(client):
    user = ViewerFactory()
    client.force_login(user)
    return user


def assert_denied(response, what=""):
    """Wagtail answers a refused permission by sending the user back to the dashboard."""
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/")), what


def rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_listing_shows_stage_area_progress_and_dbs_renewal(client, coordinator, required_pair):
    champion = ready_champion(preferred_name="Imani", area=AreaFactory(name="Kursaal"))
    champion.checks.filter(kind=CheckKind.DBS).update(renewal_due_on=datetime.date(2027, 3, 1))
    TrainingRecordFactory(champion=champion, module=required_pair[0])
    html = client.get(INDEX).content.decode()
    assert "Imani" in html and "Kursaal" in html and "In training" in html
    assert "1 of 2" in html
    assert "1 Mar 2027" in html


def test_listing_loads_only_required_training_and_the_record_all(
    client, coordinator, required_pair
):
    """Progress counts required modules only, so a page of champions loads no other record;
    the champion's own record still shows every module."""
    induction, _, optional = required_pair
    champion = ready_champion(preferred_name="Imani")
    TrainingRecordFactory(champion=champion, module=induction)
    TrainingRecordFactory(champion=champion, module=optional)
    response = client.get(INDEX)
    (listed,) = [c for c in response.context["object_list"] if c.pk == champion.pk]
    assert [r.module for r in listed.training_records.all()] == [induction]
    assert "1 of 2" in response.content.decode()
    html = client.get(f"/admin/champion/inspect/{champion.pk}/").content.decode()
    assert "First aid" in html


def test_search_by_name_or_email(client, coordinator):
    ChampionFactory(preferred_name="Imani", user__email="imani@example.org")
    ChampionFactory(preferred_name="Gemma", user__email="g.baker@example.org")
    by_name = client.get(INDEX, {"q": "iman"}).content.decode()
    assert "Imani" in by_name and "Gemma" not in by_name
    by_email = client.get(INDEX, {"q": "g.baker@"}).content.decode()
    assert "Gemma" in by_email and "Imani" not in by_email


def test_filters_stage_area_ready_dbs_due_and_expired_training(
    client, coordinator, required_pair, frozen_today
):
    induction, safeguarding, _ = required_pair
    kursaal = AreaFactory(name="Kursaal")
    ready = ready_champion(preferred_name="Ready")
    for module in (induction, safeguarding):
        TrainingRecordFactory(champion=ready, module=module)
    ready_champion(preferred_name="Notready", area=kursaal)
    dbs_due = ready_champion(preferred_name="Dbsdue", stage=Stage.ACTIVE)
    dbs_due.checks.filter(kind=CheckKind.DBS).update(
        renewal_due_on=TODAY + datetime.timedelta(days=60)
    )
    lapsed = ChampionFactory(preferred_name="Lapsed", active=True)
    TrainingRecordFactory(
        champion=lapsed, module=safeguarding, completed_on=TODAY - relativedelta(months=13)
    )

    def names(**params):
        html = client.get(INDEX, params).content.decode()
        return {
            # Listed by full name with the name they go by: "Ann Lee (Ready)".
            n
            for n in ("Ready", "Notready", "Dbsdue", "Lapsed")
            if re.search(rf"\({n}\)\s*<", html)
        }

    assert names() == {"Ready", "Notready", "Dbsdue", "Lapsed"}
    assert names(ready="true") == {"Ready"}
    assert names(dbs_due="true") == {"Dbsdue"}
    assert names(training_expired="true") == {"Lapsed"}
    assert names(stage=Stage.ACTIVE) == {"Dbsdue", "Lapsed"}
    assert names(area=kursaal.pk) == {"Notready"}


def test_listing_runs_a_constant_number_of_queries(
    client, coordinator, required_pair, django_assert_num_queries
):
    def make(count):
        for _ in range(count):
            champion = ready_champion()
            for module in required_pair:
                TrainingRecordFactory(champion=champion, module=module)

    make(10)
    client.get(INDEX)  # draws the admin sidebar once (served from the cache afterwards)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(INDEX).status_code == 200
    make(50)
    with django_assert_num_queries(len(ten)):
        assert client.get(INDEX).status_code == 200
    with CaptureQueriesContext(connection) as export_small:
        client.get(INDEX, {"export": "csv"}).getvalue()
    make(60)
    with django_assert_num_queries(len(export_small)):
        assert len(rows(client.get(INDEX, {"export": "csv"}))) == 121


def test_csv_export_neutralises_formulas_and_follows_the_filter(client, coordinator):
    ChampionFactory(preferred_name='=HYPERLINK("http://evil.example","x")', stage=Stage.ACTIVE)
    ChampionFactory(preferred_name="Alumna", stage=Stage.ALUMNI)
    response = client.get(INDEX, {"export": "csv", "stage": Stage.ACTIVE})
    assert response["Content-Disposition"] == 'attachment; filename="champions.csv"'
    table = rows(response)
    assert table[0][:4] == ["Name", "Preferred name", "E-mail", "Stage"]
    assert [row[1] for row in table[1:]] == ['\'=HYPERLINK("http://evil.example","x")']


def test_xlsx_export_neutralises_formulas(client, coordinator):
    ChampionFactory(preferred_name="@SUM(A1:A9)")
    response = client.get(INDEX, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["B2"].value == "'@SUM(A1:A9)"


def test_viewer_can_read_but_not_change_anything(client, viewer, required_pair):
    champion = ready_champion()
    record = TrainingRecordFactory(champion=champion, module=required_pair[0])
    check = champion.checks.first()
    listing = client.get(INDEX)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"/admin/champion/edit/{champion.pk}/" not in html
    assert "Add champion" not in html
    inspect = client.get(f"/admin/champion/inspect/{champion.pk}/").content.decode()
    assert "Change stage" not in inspect and "Record a check" not in inspect
    forbidden = [
        ("get", f"/admin/champion/edit/{champion.pk}/"),
        ("post", f"/admin/champion/edit/{champion.pk}/"),
        ("get", f"/admin/champion/stage/{champion.pk}/"),
        ("post", f"/admin/champion/stage/{champion.pk}/"),
        ("get", "/admin/onboardingcheck/new/"),
        ("post", f"/admin/onboardingcheck/edit/{check.pk}/"),
        ("post", f"/admin/onboardingcheck/delete/{check.pk}/"),
        ("post", f"/admin/trainingrecord/edit/{record.pk}/"),
        ("post", f"/admin/trainingrecord/delete/{record.pk}/"),
        ("get", "/admin/training_completions/"),
        ("post", "/admin/training_completions/"),
        ("post", "/admin/trainingmodule/new/"),
        ("post", f"/admin/trainingmodule/edit/{required_pair[0].pk}/"),
        ("post", "/admin/area/new/"),
        ("get", "/admin/supervisionnote/"),  # coordinators only
    ]
    for method, url in forbidden:
        assert_denied(getattr(client, method)(url), (method, url))
    champion.refresh_from_db()
    assert champion.stage == Stage.IN_TRAINING


def test_viewer_does_not_see_supervision_notes(client, viewer):
    champion = ChampionFactory()
    SupervisionNoteFactory(champion=champion, note="Feeling low after the move")
    html = client.get(f"/admin/champion/inspect/{champion.pk}/").content.decode()
    assert "Feeling low" not in html


def test_coordinator_sees_the_whole_record(client, coordinator, required_pair):
    champion = ready_champion(preferred_name="Imani")
    TrainingRecordFactory(champion=champion, module=required_pair[0])
    SupervisionNoteFactory(champion=champion, note="Goal: co-chair the parent panel")
    html = client.get(f"/admin/champion/inspect/{champion.pk}/").content.decode()
    for heading in (
        "Onboarding checks",
        "Training",
        "Consents",
        "Supervision notes",
        "Stage history",
    ):
        assert heading in html
    assert "Goal: co-chair the parent panel" in html
    assert "Training “Safeguarding”: not completed" in html


def test_coordinator_edits_a_champion_and_it_is_audited(client, coordinator):
    champion = ChampionFactory(preferred_name="Imani")
    response = client.post(
        f"/admin/champion/edit/{champion.pk}/",
        {
            "preferred_name": "Imani",
            "phone": "",
            "languages": "",
            "heard_about": "",
            "joined_on": "2026-01-05",
            "staff_notes": "Prefers evening meetings",
        },
    )
    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.staff_notes == "Prefers evening meetings"
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=champion.pk, user=coordinator
    ).exists()


def test_champions_are_never_let_into_the_admin(client):
    champion = ChampionFactory()
    client.force_login(champion.user)
    for url in (INDEX, f"/admin/champion/inspect/{champion.pk}/", "/admin/training_completions/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "This part of the site is for programme staff" in response.content.decode()


def test_change_stage_is_blocked_with_the_readiness_list(client, coordinator, required_pair):
    champion = ready_champion()
    url = f"/admin/champion/stage/{champion.pk}/"
    page = client.get(url).content.decode()
    assert "Training “Core induction”: not completed" in page
    response = client.post(url, {"to_stage": Stage.ACTIVE})
    assert response.status_code == 200
    assert "Not ready to become active" in response.content.decode()
    champion.refresh_from_db()
    assert champion.stage == Stage.IN_TRAINING


def test_coordinator_overrides_readiness_with_a_reason(client, coordinator, required_pair):
    champion = ready_champion()
    url = f"/admin/champion/stage/{champion.pk}/"
    missing_reason = client.post(url, {"to_stage": Stage.ACTIVE, "override": "on"})
    assert missing_reason.status_code == 200
    assert "Give a reason" in missing_reason.content.decode()
    response = client.post(
        url,
        {"to_stage": Stage.ACTIVE, "override": "on", "reason": "Induction done at another site"},
    )
    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.stage == Stage.ACTIVE
    change = champion.stage_changes.get()
    assert change.overridden and change.changed_by == coordinator
    log = ModelLogEntry.objects.get(action="champions.champion.change_stage", object_id=champion.pk)
    assert log.data["reason"] == "Induction done at another site"


def test_stage_history_and_consents_are_read_only(client, coordinator):
    change = StageChangeFactory()
    for url in (
        "/admin/stagechange/new/",
        f"/admin/stagechange/edit/{change.pk}/",
        f"/admin/stagechange/delete/{change.pk}/",
        "/admin/consent/new/",
        "/admin/champion/new/",
    ):
        assert_denied(client.post(url), url)
    assert client.get("/admin/stagechange/").status_code == 200


@pytest.mark.parametrize(
    "viewset",
    [
        "champion",
        "onboardingcheck",
        "trainingrecord",
        "trainingmodule",
        "supervisionnote",
        "consent",
        "stagechange",
        "area",
    ],
)
def test_every_listing_and_its_exports_work_for_a_coordinator(
    client, coordinator, required_pair, viewset
):
    champion = ready_champion(preferred_name="Imani")
    TrainingRecordFactory(champion=champion, module=required_pair[0])
    SupervisionNoteFactory(champion=champion)
    StageChangeFactory(champion=champion)
    ConsentFactory(champion=champion)
    listing = client.get(f"/admin/{viewset}/")
    assert listing.status_code == 200
    assert "Imani" in listing.content.decode() or viewset in ("trainingmodule", "area")
    assert len(rows(client.get(f"/admin/{viewset}/", {"export": "csv"}))) >= 2
    xlsx = client.get(f"/admin/{viewset}/", {"export": "xlsx"})
    assert load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active.max_row >= 2
