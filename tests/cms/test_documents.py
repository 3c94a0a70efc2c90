"""Wagtail documents: a size limit, and always served as a download (issue 12)."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.factories.accounts import CoordinatorFactory
from tests.factories.files import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    staff = CoordinatorFactory()
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    return client


def test_the_limit_is_20_mb_unless_set():
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024


def test_a_document_over_the_limit_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    big = SimpleUploadedFile("minutes.txt", b"x" * 2000, content_type="text/plain")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Minutes", "file": big})
    assert response.status_code == 200
    assert not get_document_model().objects.exists()
    assert "too big" in response.content.decode().lower()


@pytest.mark.parametrize(
    ("name", "content"), [("report.pdf", pdf_bytes()), ("notes.txt", b"<script>x</script>")]
)
def test_documents_are_served_as_downloads(client, name, content):
    document = get_document_model().objects.create(title=name, file=ContentFile(content, name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
