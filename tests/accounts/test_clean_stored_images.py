"""Images stored before metadata was stripped are cleaned by `manage.py clean_stored_images`."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models.signals import pre_save
from PIL import Image
from wagtail.images import get_image_model

from accounts.images import wagtail_image_clean
from tests.accounts.test_images import GPS_IFD, phone_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def legacy_image():
    """An image saved as it was before: GPS in the file, the uploader's name on it."""
    model = get_image_model()
    pre_save.disconnect(wagtail_image_clean, sender=model, dispatch_uid="image-clean")
    try:
        image = model.objects.create(
            title="Old", file=ContentFile(phone_photo(), name="IMG_laura_home.jpg")
        )
    finally:
        pre_save.connect(wagtail_image_clean, sender=model, dispatch_uid="image-clean")
    image.get_rendition("fill-20x20")
    return image


def test_old_images_lose_gps_name_and_renditions_and_a_second_run_does_nothing(
    legacy_image, capsys
):
    old_name = legacy_image.file.name
    with legacy_image.file.open("rb") as f, Image.open(f) as before:
        assert before.getexif().get_ifd(GPS_IFD)

    call_command("clean_stored_images")

    image = get_image_model().objects.get()
    assert "laura" not in image.file.name
    assert not image.file.storage.exists(old_name)
    with image.file.open("rb") as f, Image.open(f) as after:
        assert not after.getexif()
        assert after.size == (image.width, image.height) == (40, 60)
    assert not image.renditions.exists()
    call_command("clean_stored_images")
    assert capsys.readouterr().out.strip().endswith("cleaned 0, already clean 1")
