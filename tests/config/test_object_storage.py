"""With object storage, receipts live in a private bucket and only renditions are public.

Every test here runs against a real S3 API on loopback (moto's server mode, `s3` fixture).
"""

import re

import pytest
from django.urls import reverse
from wagtail.images import get_image_model

from champions.choices import ConsentKind
from champions.models import ExpenseClaim
from champions.services.consents import consent_give
from tests.factories.accounts import CoordinatorFactory, StaffFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory, story_index
from tests.factories.files import png_bytes, upload
from tests.object_storage import unsigned_get

pytestmark = pytest.mark.django_db

CLAIM = {
    "date": "2026-03-17",
    "category": "childcare",
    "amount": "18.50",
    "description": "Childminder for two hours during the consultation",
    "activity": "",
}


@pytest.fixture
def claim(s3, client, time_machine):
    time_machine.move_to("2026-03-18 12:00 +00:00", tick=False)
    champion = ChampionFactory(preferred_name="Priya", active=True)  # logging applies
    client.force_login(champion.user)
    receipt = png_bytes()
    response = client.post(
        reverse("activity:expense_create"), {**CLAIM, "receipt": upload(receipt, "r.png")}
    )
    assert response.status_code == 302
    client.logout()
    claim = ExpenseClaim.objects.get(champion=champion)
    claim.receipt_bytes = receipt
    return claim


def test_a_receipt_goes_to_the_private_bucket_and_is_not_reachable_without_signing(s3, claim):
    key = claim.receipt.name
    assert key.startswith("receipts/")
    assert key in s3.keys(s3.private_bucket)
    assert key not in s3.keys(s3.bucket)
    assert unsigned_get(s3.public_url(s3.private_bucket, key)) == (403, b"")
    with pytest.raises(ValueError, match="no public URL"):
        claim.receipt.url  # noqa: B018 (the property itself must refuse)
    # Signed by the site's own credentials it is there: the refusal above is not a missing file.
    signed = s3.client.generate_presigned_url(
        "get_object", Params={"Bucket": s3.private_bucket, "Key": key}, ExpiresIn=30
    )
    assert unsigned_get(signed) == (200, claim.receipt_bytes)


def test_a_receipt_is_streamed_to_its_owner_and_to_staff_only(s3, claim, client):
    own = reverse("activity:expense_receipt", args=[claim.pk])
    staff = reverse("champions_expenseclaim:receipt", args=[claim.pk])

    client.force_login(claim.champion.user)
    response = client.get(own)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == claim.receipt_bytes

    client.force_login(ChampionFactory(active=True).user)  # another champion who logs
    assert client.get(own).status_code == 404
    assert client.get(staff).status_code in (302, 403)

    client.force_login(StaffFactory())  # staff, but with no rights over claims
    assert client.get(staff).status_code in (302, 403)

    client.force_login(CoordinatorFactory())
    response = client.get(staff)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == claim.receipt_bytes

    client.logout()
    assert client.get(own).status_code == 302  # to the login page
    assert client.get(staff).status_code == 302


def test_a_story_photo_is_kept_private_and_its_renditions_are_public(s3, client):
    story_index()
    champion = ChampionFactory(preferred_name="Amira")
    client.force_login(champion.user)
    response = client.post(
        reverse("stories:new"),
        {
            "title": "Amira finds her voice",
            "summary": "At the family hub.",
            "text": "I joined after my son was born.",
            "story_consent": "on",
            "photo": upload(png_bytes(size=(640, 400)), "amira-at-the-hub.png"),
            "photo_alt": "Amira at the family hub",
            "photo_consent": "on",
        },
    )
    assert response.status_code == 302
    client.logout()
    image = get_image_model().objects.get()
    original = image.file.name
    assert original in s3.keys(s3.bucket)
    assert unsigned_get(s3.public_url(s3.bucket, original))[0] == 403

    consent_give(champion=champion, kind=ConsentKind.PHOTO, wording_version="2026-01")
    story = StoryPageFactory(champion=champion, hero_image=image, hero_alt="Amira at the hub")
    html = client.get(story.url).content.decode()
    urls = set(re.findall(rf"{re.escape(s3.endpoint_url)}/{s3.bucket}/images/[^\s\"',]+", html))
    assert urls, "the page shows no rendition from the public bucket"
    for url in urls:
        status, body = unsigned_get(url)
        assert status == 200
        assert body.startswith((b"RIFF", b"\xff\xd8\xff", b"\x89PNG"))  # WebP, JPEG, PNG
    renditions = [k for k in s3.keys(s3.bucket) if k.startswith("images/")]
    assert len(renditions) == len(urls)
    assert not [k for k in s3.keys(s3.private_bucket) if "amira" in k]


def test_a_document_is_private_in_the_bucket_and_served_through_wagtails_view(s3, client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.7 the report", name="annual-report.pdf")
    )
    key = document.file.name
    assert key.startswith("documents/")
    assert key in s3.keys(s3.bucket)
    assert unsigned_get(s3.public_url(s3.bucket, key))[0] == 403
    response = client.get(document.url)
    assert response.status_code == 200  # streamed by the view, not a redirect to the bucket
    assert b"".join(response.streaming_content) == b"%PDF-1.7 the report"
