"""Receipts: the "private" storage (never under MEDIA_URL) and checks on what is uploaded.

A receipt is judged by its content, not its name: the first bytes must be a JPEG, PNG or PDF
signature, and the whole file must then open as that format (Pillow for images, pypdf for PDFs).
An image's size is read before it is decoded (a pixel limit); a file that is also HTML (a
polyglot) or a PDF with JavaScript or actions is refused.
"""

import io
import re
import uuid

import filetype
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from accounts.images import image_check
from accounts.storage import private_storage as _private_storage

MAX_RECEIPT_BYTES = 5 * 1024 * 1024
# MIME type found by content -> (file extension, Pillow format name or None for PDF)
RECEIPT_TYPES = {
    "image/jpeg": ("jpg", "JPEG"),
    "image/png": ("png", "PNG"),
    "application/pdf": ("pdf", None),
}

TOO_BIG = "The receipt is too big: it can be at most 5 MB. Try a smaller photo."
WRONG_TYPE = "The receipt must be a photo (JPEG or PNG) or a PDF."
ACTIVE_CONTENT = (
    "This file contains web page code or a script, so it cannot be used as a receipt. "
    "Take a photo of the receipt, or print it to a new PDF."
)
# Markup a browser would run if it ever read the file as HTML, in any byte of any receipt.
# (Tags of five letters or more: a shorter one turns up by chance in compressed image data.)
_HTML = re.compile(rb"<\s*(html|script|body|iframe|object|embed|meta|!doctype)\b", re.I)
# PDF names that run something when the file is opened or a page is shown; the short ones
# (/JS, /AA) are looked for in the parsed dictionaries, where chance bytes cannot match.
_PDF_ACTIVE = re.compile(rb"/(JavaScript|Launch|OpenAction|EmbeddedFile|RichMedia)\b")
UNREADABLE = (
    "This file could not be opened as a photo or PDF. Take the photo again, or save the PDF again."
)


def private_storage():
    """The "private" storage for receipts; a callable so migrations record no backend."""
    return _private_storage


def receipt_upload_to(instance, filename):
    """A random name: the champion's own file name may carry personal details."""
    try:
        mime = detect_mime(_head(instance.receipt.file))
    except ValueError:  # saved straight from content (the demo), not from an upload
        mime = None
    extensions = {ext for ext, _ in RECEIPT_TYPES.values()}
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if mime in RECEIPT_TYPES:
        extension = RECEIPT_TYPES[mime][0]
    else:
        extension = suffix if suffix in extensions else "bin"
    return f"receipts/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def detect_mime(head: bytes) -> str | None:
    kind = filetype.guess(head) if head else None
    return kind.mime if kind else None


def _head(file, size=8192) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def validate_receipt(file) -> None:
    """Refuse anything but a real JPEG, PNG or PDF of at most 5 MB."""
    if getattr(file, "_committed", False):
        return  # already stored, so already checked when it was uploaded
    if file.size > MAX_RECEIPT_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    file.seek(0)
    data = file.read(MAX_RECEIPT_BYTES + 1)
    file.seek(0)
    mime = detect_mime(data[:8192])
    if mime not in RECEIPT_TYPES:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    pillow_format = RECEIPT_TYPES[mime][1]
    if pillow_format:
        _within_pixel_limit(data)
    readable = _image_opens(data, pillow_format) if pillow_format else _pdf_opens(data)
    if not readable:
        raise ValidationError(UNREADABLE, code="unreadable")
    if _HTML.search(data) or (not pillow_format and _pdf_is_active(data)):
        raise ValidationError(ACTIVE_CONTENT, code="active_content")


def _within_pixel_limit(data: bytes) -> None:
    """The pixel limit, read from the header before anything is decoded."""
    try:
        image_check(io.BytesIO(data))
    except ValidationError as error:
        if error.code == "unreadable":
            raise ValidationError(UNREADABLE, code="unreadable") from error
        raise


def _image_opens(data: bytes, pillow_format: str) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != pillow_format:
                return False
            image.verify()
        # verify() leaves the image unusable; decoding it fully catches truncated files.
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def _pdf_opens(data: bytes) -> bool:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        return False
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return False
        return len(reader.pages) > 0 and reader.pages[0].mediabox is not None
    except Exception:  # pypdf raises many exception types on broken files
        return False


def _pdf_is_active(data: bytes) -> bool:
    """A PDF naming JavaScript or an action, in its raw bytes or in its (decompressed) catalog
    and pages' dictionaries."""
    if _PDF_ACTIVE.search(data):
        return True
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        dictionaries = [reader.trailer["/Root"], *(page for page in reader.pages)]
        names = reader.trailer["/Root"].get("/Names", {})
    except Exception:  # pypdf raises many exception types on broken files
        return True
    return "/JavaScript" in names or any(
        key in ("/OpenAction", "/AA") for d in dictionaries for key in d
    )


def receipt_response(claim) -> FileResponse:
    """Stream a claim's receipt as a download; the caller has already checked who may see it."""
    if not claim.receipt:
        raise Http404("No receipt")
    try:
        file = claim.receipt.open("rb")
    except FileNotFoundError as error:
        raise Http404("Receipt file missing") from error
    mime = detect_mime(_head(file)) or "application/octet-stream"
    extension = RECEIPT_TYPES.get(mime, ("bin",))[0]
    response = FileResponse(
        file, as_attachment=True, filename=f"receipt-{claim.pk}.{extension}", content_type=mime
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
