"""Fonts for PDFs. Minimal stand-in with the agreed API (see the issue-11 branch, which bundles
Noto fonts covering Polish, Romanian, Urdu and Bengali): Helvetica, text escaped."""

from xml.sax.saxutils import escape

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


def register() -> None:
    """Register the bundled fonts with ReportLab (idempotent); nothing to do for Helvetica."""


def markup(text: str) -> str:
    """`text` escaped for a ReportLab Paragraph."""
    return escape(text or "")
