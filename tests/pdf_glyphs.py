"""What a PDF's fonts can draw: for tests that a name renders in the bundled fonts."""

import re


def embedded_code_points(reader) -> tuple[set[int], set[str]]:
    """Code points the embedded fonts' ToUnicode maps name, and the names of all fonts used.

    ReportLab draws a letter its font lacks as a black square from ZapfDingbats, so a PDF
    whose names all render uses no ZapfDingbats and its embedded fonts map every letter."""
    points, fonts = set(), set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for hexes in re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", cmap):
                text = bytes.fromhex(hexes).decode("utf-16-be", errors="ignore")
                points.update(ord(c) for c in text)
    return points, fonts


def missing_letters(reader, names) -> set[str]:
    """Letters of `names` the PDF could not draw (empty when all render)."""
    points, fonts = embedded_code_points(reader)
    if any("ZapfDingbats" in f for f in fonts):
        return {"■"}
    return {c for name in names for c in name if not c.isspace() and ord(c) not in points}
