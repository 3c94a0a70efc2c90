"""Unicode fonts for the PDFs we draw (certificates, transcripts, records of service).

ReportLab's built-in Helvetica covers Latin-1 only, so "Łucja Bădescu", Urdu and Bengali names
came out as black boxes. Bundled Noto fonts (accounts/fonts/, SIL Open Font License in OFL.txt)
cover Latin, Greek and Cyrillic (Noto Sans), Arabic script for Urdu and Arabic (Noto Naskh
Arabic) and Bengali (Noto Sans Bengali). With `uharfbuzz` installed, ReportLab shapes joined
and conjunct letters.

Use: `register()`, then `FONT` / `FONT_BOLD` in styles, and `markup(text)` for any text a
`Paragraph` shows: it escapes the text and switches font for Arabic-script and Bengali runs.
"""

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "NotoSans"
FONT_BOLD = "NotoSans-Bold"
ARABIC, ARABIC_BOLD = "NotoNaskhArabic", "NotoNaskhArabic-Bold"
BENGALI, BENGALI_BOLD = "NotoSansBengali", "NotoSansBengali-Bold"

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
_FILES = {
    FONT: "NotoSans-Regular.ttf",
    FONT_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
    BENGALI: "NotoSansBengali-Regular.ttf",
    BENGALI_BOLD: "NotoSansBengali-Bold.ttf",
}
# Runs of letters (with the spaces and marks between them) that the Latin font lacks.
_SCRIPTS = [
    (
        re.compile(
            r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
            r"(?:[\s\u200c\u200d]*[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff])*"
        ),
        ARABIC,
        ARABIC_BOLD,
    ),
    (re.compile(r"[\u0980-\u09ff](?:[\s\u200c\u200d]*[\u0980-\u09ff])*"), BENGALI, BENGALI_BOLD),
]


def register() -> None:
    """Register the bundled fonts with ReportLab (once; later calls do nothing)."""
    if FONT_BOLD in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))
    for regular, bold in ((FONT, FONT_BOLD), (ARABIC, ARABIC_BOLD), (BENGALI, BENGALI_BOLD)):
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 1, 1, bold)


def markup(text: str, *, bold: bool = False) -> str:
    """`text` escaped for a ReportLab Paragraph, with Arabic-script and Bengali runs set in
    the Noto font that has their letters."""
    pieces, position = [], 0
    text = str(text)
    matches = sorted(
        (m.start(), m.end(), bold_font if bold else font)
        for pattern, font, bold_font in _SCRIPTS
        for m in pattern.finditer(text)
    )
    for start, end, font in matches:
        pieces.append(escape(text[position:start]))
        pieces.append(f'<font name="{font}">{escape(text[start:end])}</font>')
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)
