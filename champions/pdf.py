"""PDF certificates and training transcripts for champions, drawn with reportlab."""

import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from accounts.site import site_name

BRAND = colors.HexColor("#4b2e83")
TABLE_STYLE = [
    ("BACKGROUND", (0, 0), (-1, 0), BRAND),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def _date(value: datetime.date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "-"


def certificate_pdf(record) -> bytes:
    """A one-page landscape certificate for one completed training module."""
    buffer = BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    title = f"Certificate: {record.module.title}"
    pdf.setTitle(title)
    pdf.setAuthor(site_name())
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(4)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    centre = width / 2
    pdf.setFillColor(BRAND)
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(centre, height - 50 * mm, "Certificate of completion")
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(centre, height - 75 * mm, "This is to certify that")
    pdf.setFont("Helvetica-Bold", 26)
    pdf.drawCentredString(centre, height - 92 * mm, record.champion.preferred_name)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(centre, height - 108 * mm, "has completed the training module")
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawCentredString(centre, height - 124 * mm, record.module.title)
    pdf.setFont("Helvetica", 13)
    details = f"Completed on {_date(record.completed_on)} · {record.module.hours:g} hours"
    if record.expires_on:
        details += f" · valid until {_date(record.expires_on)}"
    pdf.drawCentredString(centre, height - 140 * mm, details)
    pdf.setFont("Helvetica", 11)
    pdf.drawCentredString(centre, 24 * mm, f"{site_name()} programme")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def transcript_pdf(champion, records, today: datetime.date) -> bytes:
    """A list of every module the champion attended or completed, with dates and status."""
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Training transcript: {champion.preferred_name}",
        author=site_name(),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
    )
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    rows, total_hours = _transcript_rows(records, today, cell)
    table = Table(rows, colWidths=[70 * mm, 15 * mm, 25 * mm, 32 * mm, 32 * mm], repeatRows=1)
    table.setStyle(TableStyle(TABLE_STYLE))
    story = [
        Paragraph("Training transcript", styles["Title"]),
        Paragraph(f"<b>{_escape(champion.preferred_name)}</b>", styles["Heading2"]),
        Paragraph(f"Produced on {_date(today)} by {site_name()}.", cell),
        Spacer(1, 6 * mm),
        table if len(rows) > 1 else Paragraph("No training attended yet.", cell),
        Spacer(1, 6 * mm),
        Paragraph(f"Hours of training completed: {total_hours:g}", cell),
    ]
    doc.build(story)
    return buffer.getvalue()


def _transcript_rows(records, today, cell):
    """The table's rows (a heading row first) and the hours of training completed."""
    rows = [["Module", "Hours", "Status", "Completed", "Valid until"]]
    total_hours = 0
    for record in records:
        status = record.effective_status(today)
        if status in ("completed", "expired"):
            total_hours += record.module.hours
        rows.append(
            [
                Paragraph(_escape(record.module.title), cell),
                f"{record.module.hours:g}",
                status.label,
                _date(record.completed_on),
                _date(record.expires_on) if record.completed_on else "-",
            ]
        )
    return rows, total_hours


def _escape(text: str) -> str:
    """reportlab Paragraphs read a little markup: escape names before putting them in one."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
