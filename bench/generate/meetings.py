"""Records of past co-production meetings and focus groups: parent voice, a decision and an
action each."""

import datetime

from events.choices import RECORDED_KINDS, ActionStatus
from events.models import Decision, MeetingAction, MeetingRecord, ParentVoiceItem

from .loader import Loader
from .plan import Programme

VOICES = [
    ("Clinic times do not work for parents who work.", ["concrete_support"]),
    ("Parents want groups in community languages.", ["connections", "knowledge"]),
]
DECISION = "Pilot an evening clinic for three months."
ACTION = ("Report back on the evening clinic pilot.", "Health visiting service")


def meeting_records(p: Programme, loader: Loader) -> None:
    """One record for each co-production meeting and focus group that has happened."""
    recorded = [e for e in p.completed_events() if p.event_kind[e] in RECORDED_KINDS]
    records = (
        (
            p.event_ids[e],
            "1. Welcome\n2. What parents told us\n3. Next steps",
            "Parents and the service lead discussed clinic times.",
            p.event_start[e] + datetime.timedelta(hours=3),
        )
        for e in recorded
    )
    fields = ["event", "agenda", "notes", "created_at"]
    ids = loader.add(MeetingRecord, fields, records)
    voices = ((record, k, text) for record in ids for k, (text, _) in enumerate(VOICES))
    fields = ["record", "sort_order", "text"]
    p.parent_voice_item_ids = list(loader.add(ParentVoiceItem, fields, voices))
    # Protective factors are rows (champions.ProtectiveFactor, keyed by code): one link per
    # item and factor, in the same order as the items above.
    links = (
        (item, code)
        for item, (_, factors) in zip(
            p.parent_voice_item_ids, (v for _ in ids for v in VOICES), strict=True
        )
        for code in factors
    )
    through = ParentVoiceItem.protective_factors.through
    loader.add(through, ["parentvoiceitem", "protectivefactor"], links)
    decisions = ((record, 0, DECISION) for record in ids)
    loader.add(Decision, ["record", "sort_order", "text"], decisions)
    statuses = list(ActionStatus)

    def actions():
        for i, (record, e) in enumerate(zip(ids, recorded, strict=True)):
            due = p.event_start[e].date() + datetime.timedelta(days=60)
            yield (record, 0, *ACTION, due, statuses[i % len(statuses)])

    fields = ["record", "sort_order", "what", "owner", "due_on", "status"]
    loader.add(MeetingAction, fields, actions())
