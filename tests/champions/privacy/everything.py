"""A champion with one of everything the site keeps about a person, made through the real
screens where a champion makes it (shared by the erasure and data-download tests)."""

from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.log_actions import log as audit_log

from champions.choices import ActivityStatus, ConsentKind
from champions.services.consents import consent_give
from events.services.booking import registration_book
from events.services.feeds import calendar_feed_for
from tests.factories.accounts import UserFactory
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

NAME, SURNAME = "Zephyrine", "Quillfeather"
EMAIL = "zephyrine.quill@example.org"
PHONE = "07700 900456"
OWN_WORDS = "marmalade-coloured courage"
NEEDLES = [NAME, SURNAME, EMAIL, PHONE, OWN_WORDS]


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
    # Staff later edit the photo's details in the image library: its history has the title.
    image = get_image_model().objects.get(uploaded_by_user=user)
    audit_log(instance=image, action="wagtail.edit")
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
