"""Small real files for upload tests: images and PDFs made in memory."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reportlab.pdfgen import canvas


def png_bytes(size=(60, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 220, 240)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(60, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (240, 220, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def pdf_bytes(text="Bus ticket £4.20") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def upload(content: bytes, name="receipt.png", content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_upload(name="receipt.png") -> SimpleUploadedFile:
    return upload(png_bytes(), name)
