"""The impact pack's hours/reach chart, drawn as vector bars in the PDF (ReportLab graphics).

Each month has two bars, approved hours and families reached, each scaled to its own largest
month (the two are different units) and labelled with its figure, so the chart reads without
colour; the pack keeps the same figures as a table beside it for screen-reader users.
"""

from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from accounts import pdf_fonts
from champions.models.activity import format_hours

HOURS_COLOUR = colors.HexColor("#1d70b8")
FAMILIES_COLOUR = colors.HexColor("#f47738")
LABEL_SIZE = 8


def _legend(drawing: Drawing, top: float) -> None:
    for i, (label, colour) in enumerate(
        (("Approved hours", HOURS_COLOUR), ("Families reached", FAMILIES_COLOUR))
    ):
        x = i * 130
        drawing.add(Rect(x, top - 9, 9, 9, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 13, top - 8, label, fontName=pdf_fonts.FONT, fontSize=LABEL_SIZE))


def _bar(drawing, *, x, width, value, scale, colour, label, base) -> None:
    height = float(value) * scale
    drawing.add(Rect(x, base, width, height, fillColor=colour, strokeColor=None))
    drawing.add(
        String(
            x + width / 2,
            base + height + 2,
            label,
            fontName=pdf_fonts.FONT,
            fontSize=LABEL_SIZE,
            textAnchor="middle",
        )
    )


def hours_reach_chart(
    months: list[tuple[str, Decimal, int]], *, width: float = 450, height: float = 180
) -> Drawing:
    """Grouped bars for (month label, approved hours, families reached) rows."""
    pdf_fonts.register()
    drawing = Drawing(width, height)
    base, top = 16, height - 30  # room for month labels below and the legend above
    _legend(drawing, height)
    slot = width / max(len(months), 1)
    bar_w = min(slot * 0.3, 40)
    max_hours = max((float(h) for _, h, _ in months), default=0) or 1
    max_families = max((f for _, _, f in months), default=0) or 1
    drawing.add(Line(0, base, width, base, strokeColor=colors.black, strokeWidth=0.5))
    for i, (month, hours, families) in enumerate(months):
        middle = i * slot + slot / 2
        bars = (
            (
                middle - bar_w - 1,
                hours,
                (top - base) / max_hours,
                HOURS_COLOUR,
                format_hours(hours),
            ),
            (middle + 1, families, (top - base) / max_families, FAMILIES_COLOUR, str(families)),
        )
        for x, value, scale, colour, label in bars:
            _bar(
                drawing,
                x=x,
                width=bar_w,
                value=value,
                scale=scale,
                colour=colour,
                label=label,
                base=base,
            )
        drawing.add(
            String(
                middle, 3, month, fontName=pdf_fonts.FONT, fontSize=LABEL_SIZE, textAnchor="middle"
            )
        )
    return drawing
