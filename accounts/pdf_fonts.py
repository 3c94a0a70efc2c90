"""Unicode fonts for ReportLab PDFs (minimal stand-in; the issue-11 branch bundles the fonts).

Same API as issue 11's module: `register()`, `FONT`, `FONT_BOLD`, `markup(text)`. This version
uses the Noto fonts installed on the machine (Debian's fonts-noto) and falls back to Helvetica
under the same names when they are missing, so callers never change.
"""

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "NotoSans"
FONT_BOLD = "NotoSans-Bold"
ARABIC = "NotoSansArabic"
BENGALI = "NotoSansBengali"
SYSTEM_FONTS = Path("/usr/share/fonts/truetype/noto")
FILES = {
    FONT: ("NotoSans-Regular.ttf", "Helvetica"),
    FONT_BOLD: ("NotoSans-Bold.ttf", "Helvetica-Bold"),
    ARABIC: ("NotoSansArabic-Regular.ttf", None),
    BENGALI: ("NotoSansBengali-Regular.ttf", None),
}
SCRIPTS = [
    (ARABIC, re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+")),
    (BENGALI, re.compile(r"[\u0980-\u09FF]+")),
]


def register() -> None:
    """Register the fonts once; a missing file falls back to Helvetica (Latin only)."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, (filename, fallback) in FILES.items():
        if name in registered:
            continue
        path = SYSTEM_FONTS / filename
        if path.exists():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        elif fallback:
            pdfmetrics.registerFont(pdfmetrics.Font(name, fallback, "WinAnsiEncoding"))


def markup(text: str) -> str:
    """`text` escaped for a Paragraph, runs of Arabic-script or Bengali letters in their font."""
    register()
    registered = set(pdfmetrics.getRegisteredFontNames())
    result = escape(text)
    for font, pattern in SCRIPTS:
        if font in registered:
            result = pattern.sub(lambda m, f=font: f'<font name="{f}">{m.group(0)}</font>', result)
    return result
