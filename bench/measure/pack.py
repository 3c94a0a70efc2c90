"""The quarterly impact pack for the whole programme (issue 15: under 15 s), timed in-process.

The Celery task (cms.tasks.build_impact_pack) only parses its arguments and calls
impact_pack_build, so this times that function: the figures, the PDF, saving it to private
storage and queueing the e-mail, as a worker does. The first build is the cold one (imports,
fonts, the database's caches); each build is timed, and one more is split into figures and PDF.
"""

import datetime
import statistics
import time
import uuid

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from accounts.choices import OutboxStatus
from accounts.models import OutboxMessage, User
from bench.generate import COORDINATOR_EMAIL
from cms.services.impact_pack import impact_pack_build, impact_pack_figures, impact_pack_pdf

from . import say


def last_whole_quarter(today: datetime.date) -> datetime.date:
    """The first day of the last quarter that has ended (the pack a funder asks for)."""
    this_quarter = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    return this_quarter - relativedelta(months=3)


def _seconds(call) -> tuple[float, object]:
    started = time.perf_counter()
    value = call()
    return time.perf_counter() - started, value


def measure_pack(repeats: int = 3) -> dict:
    say("Impact pack for the whole programme ...")
    quarter = last_whole_quarter(timezone.localdate())
    user = User.objects.get(email=COORDINATOR_EMAIL)
    builds = []
    for _ in range(repeats):
        seconds, name = _seconds(
            lambda: impact_pack_build(
                quarter=quarter, area_id=None, user_id=user.pk, request_id=uuid.uuid4().hex
            )
        )
        builds.append(seconds)
    figures_s, figures = _seconds(lambda: impact_pack_figures(quarter=quarter, area=None))
    pdf_s, content = _seconds(lambda: impact_pack_pdf(figures, title="Impact pack"))
    result = {
        "quarter": quarter.isoformat(),
        "name": name,
        "builds_s": builds,
        "first_s": builds[0],
        "median_s": statistics.median(builds),
        "max_s": max(builds),
        "figures_s": figures_s,
        "pdf_s": pdf_s,
        "pdf_kb": len(content) / 1000,
        "logs_in_quarter": figures["hours"]["total_activities"],
    }
    # No worker delivers the builds' e-mails here; left queued, a later measurement's worker or
    # sweep would send them and count them as its own (3 to one address: 2 "duplicates").
    OutboxMessage.objects.filter(
        key__startswith="cms.impact_pack.", status=OutboxStatus.QUEUED
    ).delete()
    say(f"  {result['median_s']:.2f} s median of {repeats} (first {result['first_s']:.2f} s)")
    return result
