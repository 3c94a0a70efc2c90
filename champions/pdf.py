"""PDF certificates and training transcripts for champions, drawn with reportlab."""

import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from accounts import pdf_fonts
from accounts.pdf_fonts import FONT, FONT_BOLD, markup
from accounts.site import site_name

BRAND = colors.HexColor("#4b2e83")
TABLE_STYLE = [
    ("BACKGROUND", (0, 0), (-1, 0), BRAND),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]
# Module, hours, status, completed, valid until: 174 mm, the A4 page inside its margins.
TRANSCRIPT_COLUMNS = [58 * mm, 18 * mm, 26 * mm, 36 * mm, 36 * mm]


def _date(value: datetime.date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "-"


def _centred(pdf, text: str, y: float, size: float, *, bold=False, colour=colors.black) -> None:
    """One centred line (wrapping if long) across the page, in the Unicode fonts."""
    width = pdf._pagesize[0] - 40 * mm
    style = ParagraphStyle(
        "centred",
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        textColor=colour,
    )
    paragraph = Paragraph(markup(text, bold=bold), style)
    _, height = paragraph.wrap(width, size * 4)
    paragraph.drawOn(pdf, 20 * mm, y - height + size)


def certificate_pdf(record) -> bytes:
    """A one-page landscape certificate for one completed training module."""
    pdf_fonts.register()
    buffer = BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    title = f"Certificate: {record.module.title}"
    pdf.setTitle(title)
    pdf.setAuthor(site_name())
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(4)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    _centred(pdf, "Certificate of completion", height - 50 * mm, 30, bold=True, colour=BRAND)
    _centred(pdf, "This is to certify that", height - 75 * mm, 16)
    _centred(pdf, record.champion.preferred_name, height - 92 * mm, 26, bold=True)
    _centred(pdf, "has completed the training module", height - 108 * mm, 16)
    _centred(pdf, record.module.title, height - 124 * mm, 20, bold=True)
    details = f"Completed on {_date(record.completed_on)} · {record.module.hours:g} hours"
    if record.expires_on:
        details += f" · valid until {_date(record.expires_on)}"
    _centred(pdf, details, height - 140 * mm, 13)
    _centred(pdf, f"{site_name()} programme", 24 * mm, 11)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def transcript_pdf(champion, records, today: datetime.date) -> bytes:
    """A list of every module the champion attended or completed, with dates and status."""
    pdf_fonts.register()
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
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontName=FONT)
    table, total_hours = transcript_table(records, today, cell)
    story = [
        Paragraph("Training transcript", ParagraphStyle("t", styles["Title"], fontName=FONT_BOLD)),
        Paragraph(
            markup(champion.preferred_name, bold=True),
            ParagraphStyle("h", styles["Heading2"], fontName=FONT_BOLD),
        ),
        Paragraph(markup(f"Produced on {_date(today)} by {site_name()}."), cell),
        Spacer(1, 6 * mm),
        table if len(table._cellvalues) > 1 else Paragraph("No training attended yet.", cell),
        Spacer(1, 6 * mm),
        Paragraph(f"Hours of training completed: {total_hours:g}", cell),
    ]
    doc.build(story)
    return buffer.getvalue()


def transcript_table(records, today, cell) -> tuple[Table, float]:
    """The transcript's table (every cell a Paragraph, so long dates wrap inside their column)
    and the hours of training completed."""
    rows, total_hours = _transcript_rows(records, today, cell)
    table = Table(rows, colWidths=TRANSCRIPT_COLUMNS, repeatRows=1)
    table.setStyle(TableStyle(TABLE_STYLE))
    return table, total_hours


def _transcript_rows(records, today, cell):
    """The table's rows (a heading row first) and the hours of training completed."""
    heading = ParagraphStyle("heading", parent=cell, fontName=FONT_BOLD, textColor=colors.white)
    rows = [
        [Paragraph(h, heading) for h in ("Module", "Hours", "Status", "Completed", "Valid until")]
    ]
    total_hours = 0
    for record in records:
        status = record.effective_status(today)
        if status in ("completed", "expired"):
            total_hours += record.module.hours
        values = [
            record.module.title,
            f"{record.module.hours:g}",
            str(status.label),
            _date(record.completed_on),
            _date(record.expires_on) if record.completed_on else "-",
        ]
        rows.append([Paragraph(markup(value), cell) for value in values])
    return rows, total_hours


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
