"""PDF certificates and training transcripts for champions, drawn with reportlab."""

import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from accounts import pdf_fonts
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


def record_of_service_pdf(record, today: datetime.date) -> bytes:
    """The champion's record of service (for job or course applications), in Unicode fonts:
    dates of service, approved hours by year, training, roles and thank-yous, signed off with
    the programme's name."""
    pdf_fonts.register()
    buffer = BytesIO()
    name = record.champion.preferred_name
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"Record of service: {name}", author=site_name()
    )
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName=pdf_fonts.FONT)
    heading = ParagraphStyle("h", parent=styles["Heading2"], fontName=pdf_fonts.FONT_BOLD)
    title = ParagraphStyle("t", parent=styles["Title"], fontName=pdf_fonts.FONT_BOLD)
    until = _date(record.ended_on) if record.ended_on else "the present"
    story = [
        Paragraph(f"Record of service: {pdf_fonts.markup(name)}", title),
        Paragraph(f"Parent champion from {_date(record.started_on)} to {until}.", body),
        Paragraph("Approved volunteering hours by year", heading),
        *_lines(body, [f"{year}: {hours:g} hours" for year, hours in record.hours_by_year]),
        Paragraph("Training completed", heading),
        *_lines(body, [f"{title_}: {_date(on)}" for title_, on in record.training]),
        Paragraph("Roles taken", heading),
        *_lines(body, [f"{label}: {count}" for label, count in record.roles]),
        Paragraph("Thank-yous from the programme", heading),
        *_lines(
            body,
            [
                f"{_date(c.written_on)}, for {c.contribution}: {c.text}"
                for c in record.commendations
            ],
        ),
        Spacer(1, 8 * mm),
        Paragraph(f"Signed off by {pdf_fonts.markup(site_name())} on {_date(today)}.", body),
    ]
    doc.build(story)
    return buffer.getvalue()


def _lines(style, lines: list[str]) -> list:
    if not lines:
        return [Paragraph("None yet.", style)]
    return [Paragraph(pdf_fonts.markup(line), style) for line in lines]
