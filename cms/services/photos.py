"""Photos of champions follow their consent: hidden from the public when it goes, removed on
erasure.

Hiding deletes every rendition (rows and files) and moves the original out of the public
storage into the private one, under WITHDRAWN_PREFIX; publishing a story again (which needs
current consent) moves its photos back. Files move through the storage API only, so this works
the same on local disk and on S3.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from accounts.storage import private_storage

from ..models import StoryPage

WITHDRAWN_PREFIX = "withdrawn-images/"


def story_image_ids(story: StoryPage) -> set[int]:
    """The hero image and every image block of a story."""
    ids = {story.hero_image_id} if story.hero_image_id else set()
    for block in story.body:
        if block.block_type == "image" and block.value is not None:
            ids.add(block.value.pk)
    return ids


def champion_images(*, champion):
    """Images of the champion: in stories about them, or uploaded by their account."""
    ids = set()
    for story in StoryPage.objects.filter(champion=champion):
        ids |= story_image_ids(story)
    images = get_image_model().objects.filter(pk__in=ids)
    return images | get_image_model().objects.filter(uploaded_by_user_id=champion.user_id)


def images_hide(*, images) -> None:
    """Delete the images' renditions and, after commit, move their originals to private storage.

    Idempotent: an original already moved is left alone.
    """
    images = list(images)
    for image in images:
        # Wagtail deletes each rendition's file after commit (its post_delete handler).
        image.renditions.all().delete()
    names = [image.file.name for image in images]
    transaction.on_commit(lambda: _move_to_private(names))


def images_restore(*, image_ids) -> None:
    """Move hidden originals back to public storage (a story with them is being published)."""
    for image in get_image_model().objects.filter(pk__in=image_ids):
        hidden = WITHDRAWN_PREFIX + image.file.name
        if private_storage.exists(hidden):
            with private_storage.open(hidden) as source:
                saved = image.file.storage.save(image.file.name, source)
            private_storage.delete(hidden)
            if saved != image.file.name:
                image.file.name = saved
                image.save(update_fields=["file"])


def images_erase(*, images) -> None:
    """Delete the images, their renditions, their history and every copy of their files."""
    images = list(images)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_image_model()),
        object_id__in=[str(image.pk) for image in images],
    ).delete()  # labelled with the image's title, which may name the person
    for image in images:
        private_storage.delete(WITHDRAWN_PREFIX + image.file.name)
        # Rows go now; Wagtail deletes the public files after commit.
        image.renditions.all().delete()
        image.delete()


def _move_to_private(names: list[str]) -> None:
    storage = get_image_model()._meta.get_field("file").storage
    for name in names:
        if not storage.exists(name):
            continue
        with storage.open(name) as source:
            private_storage.save(WITHDRAWN_PREFIX + name, source)
        storage.delete(name)
