"""Receipts are judged by their content and kept out of public storage."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from champions.uploads import MAX_RECEIPT_BYTES, private_storage, validate_receipt
from tests.factories.files import jpeg_bytes, pdf_bytes, png_bytes, upload

WRONG_TYPE = "The receipt must be a photo (JPEG or PNG) or a PDF."
UNREADABLE = (
    "This file could not be opened as a photo or PDF. Take the photo again, or save the PDF again."
)


def refusal(file) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_receipt(file)
    return caught.value.messages[0]


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (png_bytes(), "receipt.png", "image/png"),
        (jpeg_bytes(), "photo.jpg", "image/jpeg"),
        (jpeg_bytes(), "photo-named-wrongly.png", "image/png"),
        (pdf_bytes(), "ticket.pdf", "application/pdf"),
    ],
)
def test_real_png_jpeg_and_pdf_receipts_are_accepted(content, name, content_type):
    validate_receipt(upload(content, name, content_type))


def test_html_renamed_png_is_refused():
    html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
    assert refusal(upload(html, "receipt.png")) == WRONG_TYPE


def test_svg_renamed_png_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert refusal(upload(svg, "receipt.png")) == WRONG_TYPE


def test_a_gif_is_refused_though_it_is_an_image():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    assert refusal(upload(buffer.getvalue(), "receipt.gif", "image/gif")) == WRONG_TYPE


def test_a_file_over_five_megabytes_is_refused():
    big = png_bytes() + b"\0" * (MAX_RECEIPT_BYTES + 1)
    assert refusal(upload(big, "big.png")) == (
        "The receipt is too big: it can be at most 5 MB. Try a smaller photo."
    )


def test_a_corrupt_pdf_is_refused():
    corrupt = b"%PDF-1.7\n1 0 obj garbage that is not a PDF at all\n%%EOF\n"
    assert refusal(upload(corrupt, "ticket.pdf", "application/pdf")) == UNREADABLE


def test_a_truncated_pdf_is_refused():
    content = pdf_bytes()
    assert refusal(upload(content[: len(content) // 2], "ticket.pdf")) == UNREADABLE


def test_a_truncated_png_is_refused():
    content = png_bytes(size=(400, 300))
    assert refusal(upload(content[: len(content) // 2], "receipt.png")) == UNREADABLE


def test_receipts_are_stored_outside_media_root_and_have_no_url(settings):
    local = {"BACKEND": "accounts.storage.PrivateFileSystemStorage"}  # on local disk
    settings.STORAGES = {**settings.STORAGES, "private": local}
    storage = private_storage()
    assert str(storage.location).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(storage.location).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        storage.url("receipts/anything.png")
