"""Receipts: a pixel limit checked before decoding, no polyglots, no active PDFs (issue 12)."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from champions.uploads import validate_receipt
from tests.factories.files import jpeg_bytes, pdf_bytes, png_bytes, upload

ACTIVE = "This file contains web page code or a script"


def _pdf_with_html_comment() -> bytes:
    """A PDF whose second line, a PDF comment, is a web page for a browser that sniffs it."""
    header, rest = pdf_bytes().split(b"\n", 1)
    return header + b"\n%<html><script>alert(1)</script></html>\n" + rest


def refusal(file) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_receipt(file)
    return caught.value.messages[0]


def test_a_small_png_of_144_megapixels_is_refused_before_it_is_decoded(monkeypatch):
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 1_000_000

    def no_decoding(self, *args, **kwargs):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    assert "too large" in refusal(upload(buffer.getvalue(), "receipt.png"))


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (jpeg_bytes() + b"<html><script>alert(1)</script></html>", "r.jpg", "image/jpeg"),
        (png_bytes() + b"<!DOCTYPE html><body onload=alert(1)>", "r.png", "image/png"),
        (_pdf_with_html_comment(), "r.pdf", "application/pdf"),
    ],
)
def test_a_receipt_that_is_also_a_web_page_is_refused(content, name, content_type):
    assert ACTIVE in refusal(upload(content, name, content_type))


def _pdf_with_javascript() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hi');"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_with_javascript_is_refused():
    assert ACTIVE in refusal(upload(_pdf_with_javascript(), "r.pdf", "application/pdf"))


def test_plain_receipts_still_pass():
    for content, name, kind in (
        (png_bytes(), "r.png", "image/png"),
        (jpeg_bytes(), "r.jpg", "image/jpeg"),
        (pdf_bytes(), "r.pdf", "application/pdf"),
    ):
        validate_receipt(upload(content, name, kind))


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen")
def test_a_receipt_is_served_as_a_sandboxed_download(champion_client):
    from django.urls import reverse

    from champions.models import ExpenseClaim

    data = {
        "date": "2026-03-17",
        "category": "childcare",
        "amount": "18.50",
        "description": "Childminder",
        "activity": "",
        "receipt": upload(png_bytes(), "r.png", "image/png"),
    }
    champion_client.post(reverse("activity:expense_create"), data)
    claim = ExpenseClaim.objects.get()
    response = champion_client.get(reverse("activity:expense_receipt", args=[claim.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
