"""The record-of-service PDF states exactly what the database holds, in any name's letters."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db.models import Count, Sum
from django.urls import reverse
from pypdf import PdfReader

from accounts.site import site_name
from champions.choices import ActivityKind, ActivityStatus
from champions.models import ActivityLog, Commendation, TrainingRecord
from tests.factories.champions import (
    ActivityLogFactory,
    ChampionFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)
from tests.pdf_glyphs import missing_letters

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def champion():
    champion = ChampionFactory(
        active=True, preferred_name="Małgorzata Ionescu", joined_on=datetime.date(2024, 3, 1)
    )
    for day, kind, hours in [
        (datetime.date(2024, 5, 2), ActivityKind.CO_PRODUCTION, "2.5"),
        (datetime.date(2024, 9, 9), ActivityKind.OUTREACH, "4"),
        (datetime.date(2025, 1, 20), ActivityKind.CO_PRODUCTION, "1.5"),
    ]:
        ActivityLogFactory(
            champion=champion, date=day, kind=kind, hours=Decimal(hours), approved=True
        )
    ActivityLogFactory(champion=champion, date=datetime.date(2025, 2, 1), hours=Decimal("9"))
    TrainingRecordFactory(
        champion=champion,
        module=TrainingModuleFactory(title="Safeguarding level 2"),
        completed_on=datetime.date(2024, 4, 10),
    )
    Commendation.objects.create(
        champion=champion,
        contribution="the health visiting forum",
        text="You spoke for every parent.",
        written_on=datetime.date(2025, 1, 21),
    )
    return champion


def test_record_of_service_pdf_equals_the_database_figures(client, champion):
    client.force_login(champion.user)
    response = client.get(reverse("champions:record_of_service"))
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "Record of service: Małgorzata Ionescu" in text
    assert "Parent champion from 1 March 2024 to the present." in text
    approved = ActivityLog.objects.filter(champion=champion, status=ActivityStatus.APPROVED)
    by_year = approved.values_list("date__year").annotate(h=Sum("hours")).order_by("date__year")
    assert list(by_year) == [(2024, Decimal("6.5")), (2025, Decimal("1.5"))]
    for year, hours in by_year:
        assert f"{year}: {hours:g} hours" in text
    for kind, n in approved.values_list("kind").annotate(n=Count("pk")):
        assert f"{ActivityKind(kind).label}: {n}" in text
    assert "Co-production meeting: 2" in text
    for record in TrainingRecord.objects.filter(champion=champion):
        assert f"{record.module.title}: {record.completed_on:%-d %B %Y}" in text
    assert "21 January 2025, for the health visiting forum: You spoke for every parent." in text
    assert f"Signed off by {site_name()}" in text


@pytest.mark.parametrize("name", ["সুমাইয়া", "Ștefan Łukasz"])
def test_record_of_service_keeps_bengali_romanian_and_polish_letters(client, name):
    champion = ChampionFactory(active=True, preferred_name=name)
    client.force_login(champion.user)
    text = _text(client.get(reverse("champions:record_of_service")).content)
    assert f"Record of service: {name}" in text and "None yet." in text


def test_record_of_service_draws_every_letter_of_an_urdu_or_bengali_name(client):
    # Right-to-left text comes out of pypdf reordered, so the fonts are checked instead.
    champion = ChampionFactory(active=True, preferred_name="عائشہ অনিতা")
    client.force_login(champion.user)
    reader = PdfReader(io.BytesIO(client.get(reverse("champions:record_of_service")).content))
    assert missing_letters(reader, ["عائشہ", "অনিতা"]) == set()
