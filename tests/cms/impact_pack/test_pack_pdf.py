"""The impact pack's PDF itself: the hours/reach chart is drawn as bars whose figures (and
heights) are the report table's, the table stays beside it, no story without consent, and
any name renders in the bundled fonts (no missing-glyph boxes)."""

import datetime
import io
import re
from decimal import Decimal

import pytest
import time_machine
from pypdf import PdfReader

from champions.choices import ActivityStatus, ConsentKind
from champions.models import Consent
from champions.models.activity import format_hours
from cms.pdf_charts import HOURS_COLOUR
from cms.services.impact_pack import impact_pack_figures, impact_pack_pdf
from events.selectors.reports import factor_coverage, hours_and_reach
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ConsentFactory,
)
from tests.factories.cms import StoryPageFactory, story_index
from tests.factories.events import EventFactory
from tests.pdf_glyphs import missing_letters

pytestmark = pytest.mark.django_db

Q2 = datetime.date(2026, 4, 1)
END = datetime.date(2026, 6, 30)
NAMES = ["Łucja Żółć", "Ștefan Țăranu", "عائشہ", "অনিতা"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 7, 8, 9, 0, tzinfo=datetime.UTC)):
        yield


def _log(ward, day, hours):
    ActivityLogFactory(
        champion=ChampionFactory(active=True, area=ward),
        date=day,
        hours=Decimal(hours),
        status=ActivityStatus.APPROVED,
    )


def _two_wards():
    kursaal, milton = AreaFactory(name="Kursaal"), AreaFactory(name="Milton")
    _log(kursaal, datetime.date(2026, 4, 9), "2.5")
    _log(kursaal, datetime.date(2026, 4, 20), "1.25")
    _log(kursaal, datetime.date(2026, 6, 2), "4")
    _log(milton, datetime.date(2026, 5, 14), "7")  # another ward: out of Kursaal's pack
    EventFactory(
        area=kursaal,
        starts_at=datetime.datetime(2026, 5, 5, 10, tzinfo=datetime.UTC),
        families_reached=17,
    )
    EventFactory(
        area=milton,
        starts_at=datetime.datetime(2026, 6, 5, 10, tzinfo=datetime.UTC),
        families_reached=30,
    )
    return kursaal


def _pdf(area, title="Impact pack"):
    content = impact_pack_pdf(impact_pack_figures(quarter=Q2, area=area), title=title)
    return PdfReader(io.BytesIO(content))


def _lines(reader):
    return [line.strip() for p in reader.pages for line in p.extract_text().splitlines()]


def _between(lines, first, last):
    return lines[lines.index(first) + 1 : lines.index(last)]


def _expected_months(area):
    """The report table's rows (ward x month) added up by month."""
    months = {}
    for row in hours_and_reach(start=Q2, end=END, area=area)["rows"]:
        hours, families = months.get(row["month"], (Decimal(0), 0))
        months[row["month"]] = (hours + row["hours"], families + row["families"])
    return [(m, format_hours(h), str(f)) for m, (h, f) in months.items()]


def _hours_bars(reader):
    """Heights of the bars filled in the hours colour (the legend's swatch left out)."""
    figures = (f"{c:.6f}".rstrip("0").lstrip("0") or "0" for c in HOURS_COLOUR.rgb())
    colour = " ".join(figures) + " rg"  # as ReportLab writes a fill colour: ".113725 ..."
    stream = reader.pages[0].get_contents().get_data().decode("latin-1")
    heights = []
    for block in stream.split(colour)[1:]:
        found = re.search(r"n ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re f", block)
        if found and float(found.group(2)) == 16:  # on the chart's base line
            heights.append(float(found.group(4)))
    return heights


@pytest.mark.parametrize("whole_programme", [False, True])
def test_the_chart_and_its_table_show_the_report_tables_figures(whole_programme):
    kursaal = _two_wards()
    area = None if whole_programme else kursaal
    reader = _pdf(area)
    lines = _lines(reader)
    expected = _expected_months(area)
    report = hours_and_reach(start=Q2, end=END, area=area)
    chart = _between(
        lines, "Approved hours and families reached by month", "The same figures as a table:"
    )
    assert chart[:2] == ["Approved hours", "Families reached"]  # the legend
    assert chart[2:] == [v for m, h, f in expected for v in (h, f, m)]
    table = _between(lines, "The same figures as a table:", "Protective-factor coverage")
    assert table[3:] == [v for row in expected for v in row]
    headline = _between(lines, "Headline figures", "Approved hours and families reached by month")
    assert headline[3:] == [
        format_hours(report["total_hours"]),
        str(report["total_activities"]),
        str(report["total_families"]),
    ]
    factors = _between(lines, "Protective-factor coverage", "Training compliance")
    by_factor = factor_coverage(start=Q2, end=END, area=area)["by_factor"]
    assert factors[2:] == [v for f, h in by_factor for v in (str(f), format_hours(h))]
    # The bars are drawn, each as tall as its figure against the largest month.
    heights = _hours_bars(reader)
    hours = [Decimal(h) for _, h, _ in expected]
    assert len(heights) == len(hours)
    tallest = max(heights)
    assert [round(h / tallest, 3) for h in heights] == [
        round(float(h / max(hours)), 3) for h in hours
    ]


def test_no_story_whose_consent_was_withdrawn_is_in_the_pack():
    story_index()
    kept, withdrawn = ChampionFactory(active=True), ChampionFactory(active=True)
    for champion in (kept, withdrawn):
        ConsentFactory(champion=champion, kind=ConsentKind.STORY)
    StoryPageFactory(title="Still happy to share", champion=kept)
    StoryPageFactory(title="No longer shared", champion=withdrawn)
    Consent.objects.filter(champion=withdrawn).update(
        withdrawn_at=datetime.datetime.now(datetime.UTC)
    )
    text = "\n".join(_lines(_pdf(None)))
    assert "Still happy to share" in text
    assert "No longer shared" not in text


def test_the_pack_renders_polish_romanian_urdu_and_bengali_names():
    story_index()
    # Two names to a story: the pack shows at most three stories.
    for first, second in (NAMES[:2], NAMES[2:]):
        StoryPageFactory(title=f"{first} speaks up", summary=f"How {second} found a voice.")
    ward = AreaFactory(name="Țăndărei")
    reader = _pdf(ward, title="Impact pack: Q2 2026, Țăndărei")
    text = "\n".join(_lines(reader))
    assert "Łucja Żółć speaks up" in text and "How Ștefan Țăranu found a voice." in text
    assert "Țăndărei" in text
    assert "■" not in text  # ReportLab's stand-in for a letter its font lacks
    assert missing_letters(reader, NAMES) == set()
