"""A champion's photos leave public storage when story or photo consent goes, come back when a
story is published again with consent, and are gone for good after erasure: on local disk and
on S3 alike (the files move through the storage API)."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.images import get_image_model

from accounts.storage import private_storage
from champions.choices import ConsentKind
from champions.models import Consent
from champions.services.consents import consent_give, consent_withdraw
from champions.services.privacy import champion_anonymise
from cms.services.photos import WITHDRAWN_PREFIX
from cms.tasks.stories import unpublish_stories_without_consent
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory
from tests.factories.files import png_bytes, upload
from tests.object_storage import unsigned_get

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["local", "s3"])
def media(request, settings, tmp_path):
    """Public and private storage on local disk (in tmp_path) or in two S3 buckets."""
    if request.param == "s3":
        return request.getfixturevalue("s3")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return None


@pytest.fixture
def pictured(client, media):
    """A live story about Amira with her photo, rendered once so its renditions exist."""
    champion = ChampionFactory(preferred_name="Amira")
    for kind in (ConsentKind.STORY, ConsentKind.PHOTO):
        consent_give(champion=champion, kind=kind)
    image = get_image_model().objects.create(
        title="Amira at the hub",
        file=upload(png_bytes(size=(640, 400)), "amira.png"),
        uploaded_by_user=champion.user,
    )
    story = StoryPageFactory(champion=champion, hero_image=image, hero_alt="Amira at the hub")
    assert client.get(story.url).status_code == 200
    renditions = [r.file.name for r in image.renditions.all()]
    assert renditions, "the page made no rendition"
    return champion, story, image, [image.file.name, *renditions]


def public_copies(names, media) -> set[str]:
    """Which of these files are still in public storage (or, on S3, fetchable by anyone)."""
    found = {name for name in names if default_storage.exists(name)}
    if media is not None:  # on S3, also ask the bucket as the internet would
        found |= {n for n in names if unsigned_get(media.public_url(media.bucket, n))[0] == 200}
    return found


@pytest.mark.parametrize("kind", [ConsentKind.PHOTO, ConsentKind.STORY])
def test_withdrawing_consent_takes_the_photo_and_its_renditions_out_of_public_reach(
    client, media, pictured, kind, django_capture_on_commit_callbacks
):
    champion, story, image, names = pictured
    assert public_copies(names[1:], media) == set(names[1:])  # renditions are public before

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(champion=champion, kind=kind)

    assert public_copies(names, media) == set()
    assert not image.renditions.exists()
    assert private_storage.exists(WITHDRAWN_PREFIX + image.file.name)
    assert client.get(story.url).status_code == 404


def test_publishing_again_with_consent_brings_the_photo_back(
    client, media, pictured, django_capture_on_commit_callbacks
):
    champion, story, image, _names = pictured
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(champion=champion, kind=ConsentKind.PHOTO)
    assert not default_storage.exists(image.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        consent_give(champion=champion, kind=ConsentKind.PHOTO)
        story.save_revision().publish()

    assert default_storage.exists(image.file.name)
    assert not private_storage.exists(WITHDRAWN_PREFIX + image.file.name)
    assert client.get(story.url).status_code == 200
    assert image.renditions.exists()


def test_expired_consent_hides_the_photo_at_night(
    media, pictured, django_capture_on_commit_callbacks
):
    champion, _story, image, names = pictured
    Consent.objects.filter(champion=champion, kind=ConsentKind.PHOTO).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert unpublish_stories_without_consent.delay().get() == 1

    assert public_copies(names, media) == set()
    assert not image.renditions.exists()


def test_erasure_deletes_the_photo_and_every_copy(
    media, pictured, django_capture_on_commit_callbacks
):
    champion, _story, image, names = pictured
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(champion=champion, kind=ConsentKind.PHOTO)  # hidden first, then erased
    with django_capture_on_commit_callbacks(execute=True):
        champion_anonymise(champion=champion, reason="Asked to be erased")

    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert public_copies(names, media) == set()
    assert not [n for n in names if private_storage.exists(WITHDRAWN_PREFIX + n)]
    assert not [n for n in names if private_storage.exists(n)]
