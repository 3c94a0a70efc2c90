"""The quarterly impact pack: a PDF of a quarter's figures for funders, built in a Celery task,
kept in private storage, and the coordinator who asked is e-mailed when it is ready."""

import datetime
import uuid
from decimal import Decimal
from io import BytesIO

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.html import strip_tags
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from accounts import pdf_fonts
from accounts.services.outbox import outbox_message_queue
from accounts.site import absolute_url
from accounts.storage import private_storage
from champions.models import Area
from champions.models.activity import format_hours
from events.selectors import reports

from ..choices import OutcomeStatus
from ..models import OutcomePage, StoryPage
from ..pdf_charts import hours_reach_chart
from ..tasks.impact_pack import build_impact_pack

FOLDER = "impact-packs"
STORIES = 3


def impact_pack_name(quarter: datetime.date, area: Area | None) -> str:
    """The pack's file name in private storage: one per quarter and ward (or whole programme)."""
    return f"{FOLDER}/{quarter:%Y-%m}-{area.slug if area else 'programme'}.pdf"


def impact_pack_figures(*, quarter: datetime.date, area: Area | None) -> dict:
    """What the pack shows; the same selectors, and so the same figures, as the report tables."""
    end = quarter + relativedelta(months=3) - datetime.timedelta(days=1)
    achieved = OutcomePage.objects.live().filter(
        status=OutcomeStatus.ACHIEVED, achieved_on__range=(quarter, end)
    )
    return {
        "start": quarter,
        "end": end,
        "hours": reports.hours_and_reach(start=quarter, end=end, area=area),
        "factors": reports.factor_coverage(start=quarter, end=end, area=area),
        "training": reports.training_compliance(today=end, area=area),
        "outcomes": list(achieved.order_by("achieved_on")),
        # Only stories whose champion's consent is current (or that name no champion).
        "stories": list(
            StoryPage.objects.live().consented().order_by("-first_published_at")[:STORIES]
        ),
    }


def impact_pack_months(hours: dict) -> list[tuple[str, Decimal, int]]:
    """(month, approved hours, families reached) for the whole pack: the report's rows (ward x
    month) added up by month, in the report's order."""
    months: dict[str, list] = {}
    for row in hours["rows"]:
        month = months.setdefault(row["month"], [Decimal(0), 0])
        month[0] += row["hours"]
        month[1] += row["families"]
    return [(label, hours_, families) for label, (hours_, families) in months.items()]


def _table(header, rows):
    style = [
        ("FONTNAME", (0, 0), (-1, 0), pdf_fonts.FONT_BOLD),
        ("FONTNAME", (0, 1), (-1, -1), pdf_fonts.FONT),
    ]
    return Table([header, *rows], repeatRows=1, style=style)


def _outcomes_and_stories(figures: dict, *, h2, body) -> list:
    """ "You said, we did" for each outcome achieved, then the stories that may be shown."""
    flow = [Paragraph("You said, we did", h2)]
    for outcome in figures["outcomes"]:
        flow += [
            Paragraph(f"<b>{pdf_fonts.markup(outcome.title)}</b>", body),
            Paragraph(f"You said: {pdf_fonts.markup(outcome.parent_voice)}", body),
            Paragraph(f"We did: {pdf_fonts.markup(strip_tags(outcome.what_changed))}", body),
        ]
    flow.append(Paragraph("Stories", h2))
    for page in figures["stories"]:
        flow += [
            Paragraph(f"<b>{pdf_fonts.markup(page.title)}</b>", body),
            Paragraph(pdf_fonts.markup(page.summary), body),
        ]
    return flow


def _hours_and_reach(hours: dict, *, h2, body) -> list:
    """Headline figures, then the chart by month with its table beside it."""
    months = impact_pack_months(hours)
    totals = [format_hours(hours["total_hours"]), hours["total_activities"]]
    return [
        Paragraph("Headline figures", h2),
        _table(
            ["Approved hours", "Activities", "Families reached at events"],
            [[*totals, hours["total_families"]]],
        ),
        Paragraph("Approved hours and families reached by month", h2),
        hours_reach_chart(months),
        Paragraph("The same figures as a table:", body),
        _table(
            ["Month", "Approved hours", "Families reached"],
            [[m, format_hours(h), f] for m, h, f in months],
        ),
    ]


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Title, heading and body in the bundled Noto fonts: any name, in any of our scripts."""
    styles = getSampleStyleSheet()
    return (
        ParagraphStyle("title", parent=styles["Title"], fontName=pdf_fonts.FONT_BOLD),
        ParagraphStyle("heading", parent=styles["Heading2"], fontName=pdf_fonts.FONT_BOLD),
        ParagraphStyle("body", parent=styles["BodyText"], fontName=pdf_fonts.FONT),
    )


def impact_pack_pdf(figures: dict, *, title: str) -> bytes:
    """The pack as PDF bytes: headline figures, hours and reach by month (chart and table),
    factors, training, outcomes, stories."""
    pdf_fonts.register()
    h1, h2, body = _styles()
    story = [
        Paragraph(pdf_fonts.markup(title, bold=True), h1),
        Paragraph(f"{figures['start']:%-d %B %Y} to {figures['end']:%-d %B %Y}", body),
        *_hours_and_reach(figures["hours"], h2=h2, body=body),
        Paragraph("Protective-factor coverage", h2),
        _table(
            ["Factor", "Approved hours"],
            [[f, format_hours(h)] for f, h in figures["factors"]["by_factor"]],
        ),
        Paragraph("Training compliance", h2),
        _table(
            ["Module", "In date", "Expiring", "Expired", "Not completed"],
            [
                [
                    Paragraph(pdf_fonts.markup(r["module"]), body),
                    r["in_date"],
                    r["expiring"],
                    r["expired"],
                    r["not_completed"],
                ]
                for r in figures["training"]["rows"]
            ],
        ),
    ]
    story += _outcomes_and_stories(figures, h2=h2, body=body)
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title).build([*story, Spacer(1, 1)])
    return buffer.getvalue()


def impact_pack_build(
    *, quarter: datetime.date, area_id: int | None, user_id: int, request_id: str
) -> str:
    """Build the pack, save it privately (replacing an older one) and e-mail the requester."""
    area = Area.objects.filter(pk=area_id).first() if area_id else None
    where = area.name if area else "the whole programme"
    title = f"Impact pack: Q{(quarter.month - 1) // 3 + 1} {quarter.year}, {where}"
    name = impact_pack_name(quarter, area)
    content = impact_pack_pdf(impact_pack_figures(quarter=quarter, area=area), title=title)
    if private_storage.exists(name):
        private_storage.delete(name)
    private_storage.save(name, ContentFile(content))
    user = get_user_model().objects.get(pk=user_id)
    link = absolute_url(reverse("cms_impact_pack_download", args=[name.removeprefix(f"{FOLDER}/")]))
    outbox_message_queue(
        # One request built twice (a retried task) is announced once.
        key=f"cms.impact_pack.{request_id}.ready",
        user=user,
        address=user.email,
        subject=f"{title} is ready",
        body=f"{title} is ready to download from the staff admin:\n\n{link}\n",
    )
    return name


def impact_pack_request(*, quarter: datetime.date, area: Area | None, user) -> None:
    """Ask for a pack: built by a worker once this request's transaction has committed."""
    args = (quarter.isoformat(), area.pk if area else None, user.pk, uuid.uuid4().hex)
    transaction.on_commit(lambda: build_impact_pack.delay(*args))


def impact_packs_ready() -> list[str]:
    """File names of the packs in private storage, newest quarter first."""
    try:
        _dirs, files = private_storage.listdir(FOLDER)
    except FileNotFoundError:
        return []
    return sorted((f for f in files if f.endswith(".pdf")), reverse=True)
