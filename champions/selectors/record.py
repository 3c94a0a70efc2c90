"""Reads for the champion's whole record in the admin: hours, recent logs, claims, and the
sections higher apps add through the hook `champions_staff_record` (events, stories)."""

import datetime

from ..hooks import STAFF_RECORD, StaffRecordSection, answers
from ..models import Champion
from ..models.activity import format_hours
from .activity import activity_hours_approved_totals, activity_people_reached
from .expenses import expense_claims_totals

RECENT_LOGS = 10
RECENT_CLAIMS = 10


def champion_staff_record(champion: Champion, *, today: datetime.date) -> dict:
    """What the champion's admin page shows beside profile, checks, consents and training."""
    logs = champion.activity_logs.select_related("event").order_by("-date", "-pk")
    claims = champion.expense_claims.order_by("-date", "-pk")
    sections: list[StaffRecordSection] = [answer(champion) for answer in answers(STAFF_RECORD)]
    return {
        "hours": {
            period: format_hours(total)
            for period, total in activity_hours_approved_totals(champion, today).items()
        },
        "reached": activity_people_reached(champion),
        "recent_logs": list(logs[:RECENT_LOGS]),
        "claims": list(claims[:RECENT_CLAIMS]),
        "claim_totals": expense_claims_totals(champion),
        "sections": sections,
    }
