"""Erasure leaves no row and no file that names the champion, while the funders' figures stay.

The champion gets one of everything the site keeps (through the real screens where a champion
makes it), asks to be erased, and then every text column of every table is read back.
"""

import os
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.choices import ActivityStatus, ConsentKind
from champions.models import ActivityLog, ExpenseClaim
from champions.services.consents import consent_give
from events.services.booking import registration_book
from events.services.feeds import calendar_feed_for
from tests.factories.accounts import CoordinatorFactory, UserFactory
from tests.factories.champions import (
    ActivityLogFactory,
    ChampionFactory,
    OnboardingCheckFactory,
    StageChangeFactory,
    SupervisionNoteFactory,
    TrainingRecordFactory,
    protective_factors,
)
from tests.factories.cms import StoryPageFactory, story_index
from tests.factories.events import EventFactory
from tests.factories.files import png_bytes, upload

pytestmark = pytest.mark.django_db

NAME, SURNAME = "Zephyrine", "Quillfeather"
EMAIL = "zephyrine.quill@example.org"
PHONE = "07700 900456"
OWN_WORDS = "marmalade-coloured courage"
NEEDLES = [NAME, SURNAME, EMAIL, PHONE, OWN_WORDS]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


def one_of_everything(client):
    """A champion with a record of every kind, made as the site makes them."""
    user = UserFactory(email=EMAIL, first_name=NAME, last_name=SURNAME)
    champion = ChampionFactory(user=user, preferred_name=NAME, phone=PHONE, active=True)
    for kind in (ConsentKind.CONTACT_EMAIL, ConsentKind.STORY, ConsentKind.PHOTO):
        consent_give(champion=champion, kind=kind)
    story_index()
    client.force_login(user)
    story = {
        "title": f"{NAME} finds her voice",
        "summary": f"{NAME} on {OWN_WORDS}.",
        "text": f"I am {NAME} {SURNAME} and this is my {OWN_WORDS}.",
        "story_consent": "on",
        "photo": upload(png_bytes(size=(640, 400)), "zephyrine-at-the-hub.png"),
        "photo_alt": f"{NAME} at the family hub",
        "photo_consent": "on",
    }
    assert client.post(reverse("stories:new"), story).status_code == 302
    claim = {
        "date": timezone.localdate().isoformat(),
        "category": "childcare",
        "amount": "18.50",
        "description": f"Childminder so {NAME} could come",
        "activity": "",
        "receipt": upload(png_bytes(), "zephyrine-receipt.png"),
    }
    assert client.post(reverse("activity:expense_create"), claim).status_code == 302
    # A story staff wrote about them, published and viewed (renditions, search index, history).
    published = StoryPageFactory(
        champion=champion, title=f"Meet {NAME}", summary=f"{NAME} {SURNAME} at the stall."
    )
    client.get(published.url)
    log = ActivityLogFactory(
        champion=champion,
        status=ActivityStatus.APPROVED,
        hours="3.00",
        description=f"{NAME} ran the stall",
    )
    log.protective_factors.set(protective_factors()[:2])
    OnboardingCheckFactory(champion=champion, certificate_last4="4567", notes=f"{NAME} ok")
    TrainingRecordFactory(champion=champion)
    SupervisionNoteFactory(champion=champion, note=f"{NAME} is doing well, phone {PHONE}")
    StageChangeFactory(champion=champion, reason=f"{NAME} finished training")
    registration_book(champion=champion, event=EventFactory())
    calendar_feed_for(champion=champion)
    return champion


def rows_naming(needles) -> list[tuple[str, str, str]]:
    """(table, column, needle) for every text value in the database that holds a needle."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = str(value).lower() if value is not None else ""
                    found += [(table, column, n) for n in needles if n.lower() in text]
    return sorted(set(found))


def files_naming(root: Path, needles) -> list[str]:
    found = []
    for directory, _, names in os.walk(root):
        for name in names:
            path = Path(directory, name)
            data = path.read_bytes()
            if any(n.lower() in (name.lower() + data.decode("latin-1").lower()) for n in needles):
                found.append(str(path))
    return found


def test_erasure_leaves_no_row_or_file_naming_the_champion(
    client, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        champion = one_of_everything(client)
    assert {n for _, _, n in rows_naming(NEEDLES)} == set(NEEDLES)  # the scan sees them
    assert files_naming(media, [NAME])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("champions:erase"), {"confirm": "on"})
    assert response.status_code == 302

    leftover = rows_naming(NEEDLES)
    assert leftover == [], "\n".join(map(str, leftover))
    assert files_naming(media, NEEDLES) == []
    # What funders count stays, as anonymous figures.
    log = ActivityLog.objects.get(champion=champion)
    assert str(log.hours) == "3.00" and log.protective_factors.count() == 2
    assert str(ExpenseClaim.objects.get(champion=champion).amount) == "18.50"


def test_staff_erasure_is_for_coordinators_with_a_reason_and_is_recorded_anonymously(client, media):
    champion = ChampionFactory(preferred_name=NAME, phone=PHONE)
    url = reverse("champions_champion:erase", args=[champion.pk])

    client.force_login(UserFactory(is_staff=True))
    assert client.post(url, {"reason": "Asked by phone", "confirm": "on"}).status_code in (
        302,
        403,
    )
    champion.refresh_from_db()
    assert champion.anonymised_at is None

    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "", "confirm": "on"})
    assert response.status_code == 200
    assert "Say why" in response.content.decode()
    champion.refresh_from_db()
    assert champion.anonymised_at is None

    response = client.post(url, {"reason": f"{NAME} asked by phone on {PHONE}", "confirm": "on"})
    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.anonymised_at is not None
    assert rows_naming([NAME, PHONE]) == []
    entry = ModelLogEntry.objects.get(action="champions.champion.anonymise")
    assert entry.user_id == coordinator.pk
    assert entry.label == f"Former champion {champion.pk}"
    assert "asked by phone" in entry.data["reason"]
