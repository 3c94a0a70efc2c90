"""Certificates and transcripts: names in any script, in bundled fonts; dates inside the table."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from accounts import pdf_fonts
from champions import pdf
from champions.models import TrainingRecord
from tests.factories.champions import ChampionFactory, TrainingModuleFactory, TrainingRecordFactory

pytestmark = pytest.mark.django_db

NAMES = ["Łucja Bădescu", "زینب", "সুমাইয়া"]


def read(response):
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    embedded = all(
        "/FontFile2" in _descriptor(font.get_object())
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "Noto" in str(font.get_object()["/BaseFont"])
    )
    return text, fonts, embedded


def _descriptor(font):
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


def holds(text: str, name: str) -> bool:
    # Right-to-left words are drawn in visual order, and pypdf reads glyphs in drawing order.
    return name in text or name[::-1] in text


def test_pdf_fonts_register_once_and_shape_complex_scripts():
    pdf_fonts.register()
    pdf_fonts.register()
    for name in (pdf_fonts.FONT, pdf_fonts.FONT_BOLD, pdf_fonts.ARABIC, pdf_fonts.BENGALI):
        assert pdfmetrics.getFont(name).shapable  # uharfbuzz joins Urdu and Bengali letters
    assert pdf_fonts.markup("Ali <b> & زینب") == (
        'Ali &lt;b&gt; &amp; <font name="NotoNaskhArabic">زینب</font>'
    )
    assert pdf_fonts.markup("সুমাইয়া", bold=True) == ('<font name="NotoSansBengali-Bold">সুমাইয়া</font>')


@pytest.mark.parametrize("name", NAMES)
def test_certificate_and_transcript_carry_any_name_in_embedded_noto_fonts(client, name):
    champion = ChampionFactory(preferred_name=name)
    client.force_login(champion.user)
    record = TrainingRecordFactory(champion=champion, module=TrainingModuleFactory())
    for url in (
        reverse("champions:certificate", args=[record.pk]),
        reverse("champions:transcript"),
    ):
        text, fonts, embedded = read(client.get(url))
        assert holds(text, name), text
        assert "NotoSans-Bold" in fonts and embedded
        assert "Helvetica" not in fonts and "Helvetica-Bold" not in fonts
    script_font = {"زینب": "NotoNaskhArabic-Bold", "সুমাইয়া": "NotoSansBengali-Bold"}.get(name)
    if script_font:
        assert (
            script_font in read(client.get(reverse("champions:certificate", args=[record.pk])))[1]
        )


def test_long_dates_fit_inside_their_transcript_columns():
    pdf_fonts.register()
    module = TrainingModuleFactory(title="Communication and confidence", validity_months=12)
    record = TrainingRecordFactory(module=module, completed_on=datetime.date(2025, 12, 20))
    records = list(TrainingRecord.objects.filter(pk=record.pk).select_related("module"))
    cell = ParagraphStyle("cell", fontName=pdf_fonts.FONT, fontSize=10, leading=12)
    table, _ = pdf.transcript_table(records, datetime.date(2026, 1, 5), cell)
    padding = 12  # ReportLab's default 6 pt each side
    assert sum(table._argW) <= 174 * 72 / 25.4 + 0.01  # the A4 page inside 18 mm margins
    for row in table._cellvalues:
        for value, width in zip(row, table._argW, strict=True):
            assert value.minWidth() <= width - padding, (value.text, width)
    texts = [value.text for value in table._cellvalues[1]]
    assert "20 December 2025" in texts and "20 December 2026" in texts
