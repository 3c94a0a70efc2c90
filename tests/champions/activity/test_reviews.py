"""Staff review logs and claims in the Wagtail admin: queue, decisions, e-mail, audit, payment."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from accounts.models import OutboxMessage
from accounts.tasks.outbox import deliver_outbox_messages
from champions.choices import ActivityStatus, ConsentKind, ExpenseStatus
from champions.models import ActivityLog, ExpenseClaim
from tests.champions.clock import ENTRY_NOW as NOW
from tests.champions.clock import ENTRY_TODAY as TODAY
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
    ExpenseClaimFactory,
)
from tests.factories.files import png_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

LOGS = reverse("champions_activitylog:index")
CLAIMS = reverse("champions_expenseclaim:index")


def bulk_url(model, action, objects):
    ids = "&".join(f"id={o.pk}" for o in objects)
    return f"{reverse('wagtail_bulk_action', args=['champions', model, action])}?{ids}&next={LOGS}"


@pytest.fixture
def coordinator():
    return CoordinatorFactory(email="sam@example.org", first_name="Sam", last_name="Okafor")


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_the_queue_shows_only_submitted_logs_oldest_first(staff_client):
    newer = ActivityLogFactory(created_at=NOW - datetime.timedelta(hours=1))
    older = ActivityLogFactory(created_at=NOW - datetime.timedelta(days=2))
    ActivityLogFactory(approved=True)
    response = staff_client.get(LOGS)
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [older, newer]
    everything = staff_client.get(LOGS, {"status": ""})
    assert len(everything.context["object_list"]) == 3


def test_the_queue_filters_by_area_type_champion_and_date_range(staff_client):
    north = AreaFactory(name="Northfield", slug="northfield")
    priya = ChampionFactory(area=north)
    match = ActivityLogFactory(champion=priya, kind="outreach", date=datetime.date(2026, 3, 10))
    ActivityLogFactory(champion=priya, kind="online", date=datetime.date(2026, 3, 10))
    ActivityLogFactory(champion=priya, kind="outreach", date=datetime.date(2026, 2, 1))
    ActivityLogFactory(kind="outreach", date=datetime.date(2026, 3, 10))
    params = {
        "area": north.pk,
        "kind": "outreach",
        "champion": priya.user.email.upper(),
        "date_from": "2026-03-01",
        "date_to": "2026-03-18",
    }
    assert list(staff_client.get(LOGS, params).context["object_list"]) == [match]
    both_dates = staff_client.get(LOGS, {"area": north.pk, "kind": "outreach"})
    assert list(both_dates.context["object_list"]) == list(
        ActivityLog.objects.filter(champion=priya, kind="outreach").order_by("created_at", "pk")
    )


def test_bulk_approve_approves_many_and_records_each_in_the_audit_log(staff_client, coordinator):
    logs = ActivityLogFactory.create_batch(3)
    reviewed = ActivityLogFactory(status=ActivityStatus.REJECTED)
    url = bulk_url("activitylog", "approve", [*logs, reviewed])
    confirm = staff_client.get(url)
    assert confirm.status_code == 200
    assert "These are left as they are" in confirm.content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302
    for log in logs:
        log.refresh_from_db()
        assert log.status == ActivityStatus.APPROVED
        assert log.reviewed_by == coordinator
        assert log.reviewed_at == NOW
    reviewed.refresh_from_db()
    assert reviewed.status == ActivityStatus.REJECTED
    entries = ModelLogEntry.objects.filter(action="champions.activity_log.approve")
    assert sorted(int(e.object_id) for e in entries) == sorted(log.pk for log in logs)
    assert {e.user for e in entries} == {coordinator}


def test_a_viewer_can_see_the_queue_but_not_approve(client):
    client.force_login(ViewerFactory())
    log = ActivityLogFactory()
    assert client.get(LOGS).status_code == 200
    assert client.post(bulk_url("activitylog", "approve", [log])).status_code in (302, 403)
    review = reverse("champions_activitylog:review", args=[log.pk])
    assert client.get(review).status_code == 200
    refused = client.post(review, {"decision": "approve"})
    assert refused.status_code == 302  # Wagtail turns PermissionDenied into a redirect home
    assert refused.url == reverse("wagtailadmin_home")
    log.refresh_from_db()
    assert log.status == ActivityStatus.SUBMITTED


def test_a_champion_cannot_reach_the_review_pages(client):
    champion = ChampionFactory()
    client.force_login(champion.user)
    log = ActivityLogFactory(champion=champion)
    assert client.get(reverse("champions_activitylog:review", args=[log.pk])).status_code == 403
    assert client.post(bulk_url("activitylog", "approve", [log])).status_code == 403
    log.refresh_from_db()
    assert log.status == ActivityStatus.SUBMITTED


def test_a_query_is_shown_to_the_champion_and_e_mailed_with_consent(
    staff_client, smtp_server, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(user__email="priya@example.org", preferred_name="Priya")
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    log = ActivityLogFactory(champion=champion)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("champions_activitylog:review", args=[log.pk]),
            {"decision": "query", "message": "Which children's centre was this at?"},
        )
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.status == ActivityStatus.QUERIED
    assert log.staff_message == "Which children's centre was this at?"
    [message] = smtp_server.to("priya@example.org")
    assert message["Subject"] == "A question about your activity log"
    body = smtp_server.body(message)
    assert "Which children's centre was this at?" in body
    assert "http://localhost/dashboard/activity/" in body  # the default Site's address
    entry = ModelLogEntry.objects.get(action="champions.activity_log.query")
    assert entry.data["message"] == "Which children's centre was this at?"


def test_a_refusal_is_e_mailed_once_even_if_delivery_runs_twice(
    staff_client, smtp_server, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(user__email="jo@example.org")
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    log = ActivityLogFactory(champion=champion)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        staff_client.post(
            reverse("champions_activitylog:review", args=[log.pk]),
            {"decision": "reject", "message": "This was a personal visit, not programme work."},
        )
    assert len(_deliveries(callbacks)) == 1
    [queued] = OutboxMessage.objects.filter(address="jo@example.org")
    assert deliver_outbox_messages([queued.pk]) == 0
    [message] = smtp_server.to("jo@example.org")
    assert message["Subject"] == "Your activity log was not approved"
    assert "This was a personal visit" in smtp_server.body(message)


def _deliveries(callbacks):
    # Other after-commit work (cache generations bumped on a decision) is not a delivery.
    return [c for c in callbacks if "outbox" in getattr(c, "__qualname__", "")]


def test_no_e_mail_without_contact_consent_but_the_champion_still_sees_it(
    staff_client, smtp_server, client, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(active=True, user__email="nomail@example.org")
    log = ActivityLogFactory(champion=champion)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        staff_client.post(
            reverse("champions_activitylog:review", args=[log.pk]),
            {"decision": "reject", "message": "Duplicate of your entry for the same day."},
        )
    assert _deliveries(callbacks) == []
    assert smtp_server.messages == []
    assert not OutboxMessage.objects.exists()  # nothing recorded, nothing sent later
    client.force_login(champion.user)
    page = client.get(reverse("activity:list")).content.decode()
    assert "Duplicate of your entry for the same day." in page


def test_a_question_or_refusal_needs_a_message(staff_client):
    log = ActivityLogFactory()
    response = staff_client.post(
        reverse("champions_activitylog:review", args=[log.pk]),
        {"decision": "query", "message": " "},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["message"] == ["Write a message for the champion."]
    log.refresh_from_db()
    assert log.status == ActivityStatus.SUBMITTED


def test_claims_are_approved_in_bulk_then_marked_paid_in_bulk(
    staff_client, smtp_server, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(user__email="ali@example.org")
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    claims = ExpenseClaimFactory.create_batch(2, champion=champion)
    waiting = ExpenseClaimFactory()
    staff_client.post(bulk_url("expenseclaim", "approve", claims))
    url = bulk_url("expenseclaim", "mark_paid", [*claims, waiting])
    response = staff_client.post(url, {"paid_on": "2026-03-19", "reference": "BACS-0318"})
    assert response.status_code == 200
    assert "The payment date cannot be in the future." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {"paid_on": "2026-03-18", "reference": "BACS-0318"})
    assert response.status_code == 302
    for claim in claims:
        claim.refresh_from_db()
        assert (claim.status, claim.paid_on, claim.payment_reference) == (
            ExpenseStatus.PAID,
            TODAY,
            "BACS-0318",
        )
    waiting.refresh_from_db()
    assert waiting.status == ExpenseStatus.SUBMITTED
    assert ModelLogEntry.objects.filter(action="champions.expense_claim.pay").count() == 2
    paid_mails = smtp_server.to("ali@example.org")
    assert [m["Subject"] for m in paid_mails] == ["Your expense claim has been paid"] * 2
    assert "reference BACS-0318" in smtp_server.body(paid_mails[0])


def test_a_claim_is_rejected_with_a_reason(staff_client):
    claim = ExpenseClaimFactory()
    staff_client.post(
        reverse("champions_expenseclaim:review", args=[claim.pk]),
        {"decision": "reject", "message": "The receipt is for a different date."},
    )
    claim.refresh_from_db()
    assert claim.status == ExpenseStatus.REJECTED
    assert ModelLogEntry.objects.get(action="champions.expense_claim.reject").data["message"] == (
        "The receipt is for a different date."
    )


def test_staff_download_a_receipt_from_the_review_page(staff_client):
    claim = ExpenseClaimFactory(receipt=png_upload())
    page = staff_client.get(
        reverse("champions_expenseclaim:review", args=[claim.pk])
    ).content.decode()
    receipt_url = reverse("champions_expenseclaim:receipt", args=[claim.pk])
    assert receipt_url in page
    response = staff_client.get(receipt_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_the_finance_csv_export_neutralises_formulas(staff_client):
    ExpenseClaimFactory(
        description="=SUM(1)", status=ExpenseStatus.APPROVED, amount=Decimal("4.20")
    )
    response = staff_client.get(CLAIMS, {"status": "approved", "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="expense-claims.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["What it was for"] == "'=SUM(1)"
    assert rows[0]["Amount (GBP)"] == "4.20"


def test_the_finance_xlsx_export_neutralises_formulas(staff_client):
    ExpenseClaimFactory(description="+cmd|' /C calc'!A0", status=ExpenseStatus.APPROVED)
    response = staff_client.get(CLAIMS, {"status": "approved", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    row = {h: cell.value for h, cell in zip(headings, sheet[2], strict=True)}
    assert row["What it was for"] == "'+cmd|' /C calc'!A0"
    assert row["Amount (GBP)"] == 12.5


def test_staff_may_enter_a_log_older_than_ninety_days(staff_client):
    champion = ChampionFactory()
    response = staff_client.post(
        reverse("champions_activitylog:add"),
        {
            "champion": champion.pk,
            "date": "2025-09-01",
            "kind": "training",
            "hours": "3",
            "event": "",
            "people_reached": "",
            "description": "Safeguarding refresher, entered from the paper sign-in sheet",
            "protective_factors": ["knowledge"],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    log = ActivityLog.objects.get()
    assert log.date == datetime.date(2025, 9, 1)
    assert list(log.protective_factors.values_list("code", flat=True)) == ["knowledge"]
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(log.pk)).exists()


def test_the_admin_edit_page_for_a_claim_with_a_receipt_renders(staff_client):
    claim = ExpenseClaimFactory(receipt=png_upload())
    assert (
        staff_client.get(reverse("champions_expenseclaim:edit", args=[claim.pk])).status_code == 200
    )
    assert ExpenseClaim.objects.count() == 1


def test_select_all_approves_only_what_the_listing_filters_match(staff_client):
    outreach = ActivityLogFactory.create_batch(2, kind="outreach")
    online = ActivityLogFactory(kind="online")
    url = reverse("wagtail_bulk_action", args=["champions", "activitylog", "approve"])
    response = staff_client.post(f"{url}?status=submitted&kind=outreach&id=all&next={LOGS}")
    assert response.status_code == 302
    assert set(ActivityLog.objects.filter(status="approved")) == set(outreach)
    online.refresh_from_db()
    assert online.status == ActivityStatus.SUBMITTED
