import datetime
import io
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from reportlab.pdfgen import canvas

from champions.choices import ActivityKind, ActivityStatus, ExpenseCategory, ExpenseStatus
from champions.models import ActivityLog, ExpenseClaim

from .champions import ChampionFactory


class ActivityLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityLog

    champion = factory.SubFactory(ChampionFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    kind = ActivityKind.ENGAGEMENT
    hours = Decimal("2.00")
    description = factory.Faker("sentence", locale="en_GB")
    status = ActivityStatus.SUBMITTED


class ExpenseClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenseClaim

    champion = factory.SubFactory(ChampionFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    category = ExpenseCategory.TRAVEL
    amount = Decimal("12.50")
    description = factory.Faker("sentence", locale="en_GB")
    status = ExpenseStatus.SUBMITTED


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
