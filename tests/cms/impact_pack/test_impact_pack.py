"""The quarterly impact pack: asked for in the admin, built by the worker, the coordinator told,
downloaded privately; its figures are the report tables' and no story without consent is in."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from pypdf import PdfReader

from accounts.models import OutboxMessage
from champions.choices import ActivityStatus, ConsentKind
from champions.models import Consent
from cms.services.impact_pack import impact_pack_name
from events.selectors.reports import hours_and_reach
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
)
from tests.factories.cms import OutcomePageFactory, StoryPageFactory, story_index
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db

Q2 = datetime.date(2026, 4, 1)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 7, 8, 9, 0, tzinfo=datetime.UTC)):
        yield


def _consenting():
    champion = ChampionFactory(active=True)
    ConsentFactory(champion=champion, kind=ConsentKind.STORY)
    return champion


def _programme():
    ward = AreaFactory(name="Kursaal", slug="kursaal")
    for day, hours in ((datetime.date(2026, 4, 9), "2.5"), (datetime.date(2026, 6, 2), "4")):
        ActivityLogFactory(
            champion=ChampionFactory(active=True, area=ward),
            date=day,
            hours=Decimal(hours),
            status=ActivityStatus.APPROVED,
        )
    EventFactory(
        area=ward,
        starts_at=datetime.datetime(2026, 5, 5, 10, tzinfo=datetime.UTC),
        families_reached=17,
    )
    OutcomePageFactory(
        title="Evening clinics",
        parent_voice="Working parents could not get to daytime clinics.",
        what_changed="<p>The hub opens until 7pm on Thursdays.</p>",
        achieved_on=datetime.date(2026, 5, 20),
    )
    story_index()
    StoryPageFactory(title="From shy to speaking up", champion=_consenting())
    withdrawn = _consenting()
    StoryPageFactory(title="A story no longer allowed", champion=withdrawn)
    # Consent lapsed without the page coming down yet: the pack must still leave it out.
    Consent.objects.filter(champion=withdrawn).update(
        withdrawn_at=datetime.datetime.now(datetime.UTC)
    )


def _text(name):
    from accounts.storage import private_storage  # the storage the test settings point at

    with private_storage.open(name, "rb") as pdf:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read())).pages)


def test_coordinator_asks_for_a_pack_is_told_and_downloads_it(
    client, django_capture_on_commit_callbacks
):
    _programme()
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/impact-pack/", {"quarter": Q2.isoformat(), "area": ""})
    assert response.status_code == 302
    name = impact_pack_name(Q2, None)
    text = _text(name)
    report = hours_and_reach(start=Q2, end=datetime.date(2026, 6, 30))
    assert report["total_hours"] == Decimal("6.5")
    assert "6.5" in text and "17" in text  # the report table's hours and families
    assert "Evening clinics" in text and "The hub opens until 7pm on Thursdays." in text
    assert "From shy to speaking up" in text
    assert "A story no longer allowed" not in text
    message = OutboxMessage.objects.get(user=coordinator)
    assert "is ready" in message.subject and "/admin/impact-pack/" in message.body
    download = client.get("/admin/impact-pack/2026-04-programme.pdf")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "no-cache" in download["Cache-Control"] or "max-age=0" in download["Cache-Control"]
    page = client.get("/admin/impact-pack/").content.decode()
    assert "2026-04-programme.pdf" in page


def test_only_staff_with_report_rights_download_packs(client, django_capture_on_commit_callbacks):
    client.force_login(CoordinatorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/impact-pack/", {"quarter": Q2.isoformat(), "area": ""})
    client.force_login(ViewerFactory())
    assert client.get("/admin/impact-pack/2026-04-programme.pdf").status_code == 200
    client.force_login(ChampionFactory().user)
    assert client.get("/admin/impact-pack/2026-04-programme.pdf").status_code == 403
    client.force_login(CoordinatorFactory())
    assert client.get("/admin/impact-pack/2025-01-elsewhere.pdf").status_code == 404


def test_a_pack_built_twice_is_announced_once():
    from cms.services.impact_pack import impact_pack_build  # the task's service, run twice

    coordinator = CoordinatorFactory()
    for _ in range(2):
        impact_pack_build(quarter=Q2, area_id=None, user_id=coordinator.pk, request_id="r1")
    assert OutboxMessage.objects.filter(user=coordinator).count() == 1
