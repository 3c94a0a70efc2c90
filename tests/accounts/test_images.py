"""Every stored image loses its metadata (EXIF, GPS) and its uploader's file name, keeps its
orientation, and a decompression bomb is refused before it is decoded (issue 12)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from accounts.images import image_check
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import story_index

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
NAME = "IMG_laura_home_2026.jpg"


def phone_photo() -> bytes:
    """A 60 by 40 JPEG as a phone sends it: GPS position, camera make, turned by EXIF (6 = 90°)."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def assert_clean(field_file):
    with field_file.open("rb") as f, Image.open(f) as image:
        assert not image.getexif()
        assert "exif" not in image.info and "xmp" not in image.info
        assert image.size == (40, 60)  # upright: the orientation is applied, not lost
    assert "laura" not in field_file.name and "IMG" not in field_file.name


def test_a_champions_story_photo_is_stored_without_gps_and_upright(client):
    story_index()
    client.force_login(ChampionFactory(active=True, consenting=True).user)
    photo = SimpleUploadedFile(NAME, phone_photo(), content_type="image/jpeg")
    data = {
        "title": "At the stay-and-play",
        "summary": "Summary.",
        "text": "Text.",
        "story_consent": "on",
        "photo": photo,
        "photo_alt": "A red square",
        "photo_consent": "on",
    }
    assert client.post(reverse("stories:new"), data).status_code == 302
    image = get_image_model().objects.get()
    assert_clean(image.file)
    assert (image.width, image.height) == (40, 60)
    rendition = image.get_rendition("fill-20x20|format-jpeg")
    assert_clean_rendition(rendition)


def assert_clean_rendition(rendition):
    with rendition.file.open("rb") as f, Image.open(f) as image:
        assert GPS_IFD not in image.getexif()
        assert not image.getexif().get_ifd(GPS_IFD)
    assert "laura" not in rendition.file.name


def test_an_image_uploaded_in_the_admin_is_stored_without_gps(client):
    staff = CoordinatorFactory()
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    photo = SimpleUploadedFile(NAME, phone_photo(), content_type="image/jpeg")
    response = client.post(reverse("wagtailimages:add"), {"title": "Forum", "file": photo})
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert_clean(image.file)
    assert image.file_size == image.file.size


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")  # a few KB that decode to 144 MP
    file = SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")
    with pytest.raises(Exception, match="too large"):
        image_check(file)


@pytest.mark.parametrize("url_name", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_a_file_that_only_starts_like_a_jpeg_is_refused_in_the_admin(client, url_name):
    staff = CoordinatorFactory()
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    fake = SimpleUploadedFile("x.jpg", bytes.fromhex("FFD8FFE0") + bytes(2000), "image/jpeg")
    field = "files[]" if url_name.endswith("multiple") else "file"
    response = client.post(reverse(url_name), {"title": "x", field: fake})
    assert response.status_code in (200, 400)
    assert not get_image_model().objects.exists()
