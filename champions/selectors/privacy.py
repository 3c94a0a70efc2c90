"""A champion's own data, as a copy on request (the download on "My consents").

Sections held by higher apps (event registrations, stories) are added by the DATA_EXPORT hook,
whose functions build their rows with `export_rows`.
"""

import datetime

from django.utils import timezone

from .. import hooks
from ..models import Champion

# Each section of the download: (key, the champion's rows, fields).
SECTIONS = [
    (
        "stage_history",
        lambda c: c.stage_changes.all(),
        ("from_stage", "to_stage", "changed_at", "reason"),
    ),
    (
        "checks",
        lambda c: c.checks.all(),
        ("kind", "status", "completed_on", "renewal_due_on", "certificate_last4"),
    ),
    (
        "consents",
        lambda c: c.consents.all(),
        ("kind", "given_at", "wording_version", "expires_at", "withdrawn_at"),
    ),
    (
        "training",
        lambda c: c.training_records.select_related("module"),
        ("module__title", "status", "completed_on", "expires_on"),
    ),
    (
        "activity_logs",
        lambda c: c.activity_logs.all(),
        (
            "date",
            "kind",
            "hours",
            "people_reached",
            "description",
            "status",
            "staff_message",
            "champion_reply",
        ),
    ),
    (
        "expense_claims",
        lambda c: c.expense_claims.all(),
        ("date", "category", "amount", "description", "status", "paid_on", "payment_reference"),
    ),
]


def champion_data_export(champion: Champion) -> dict:
    """Everything held about this champion, as plain data for a JSON download."""
    user = champion.user
    export = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": {
            "preferred_name": champion.preferred_name,
            "area": str(champion.area or ""),
            "phone": champion.phone,
            "preferred_channel": champion.get_preferred_channel_display(),
            "languages": champion.languages,
            "heard_about": champion.heard_about,
            "stage": champion.get_stage_display(),
            "joined_on": _plain(champion.joined_on),
            "coordinator": str(champion.coordinator or ""),
        },
    }
    for key, rows_of, fields in SECTIONS:
        export[key] = export_rows(rows_of(champion), *fields)
    export["messages"] = export_rows(
        user.outbox_messages.all(), "channel", "subject", "body", "status", "created_at", "sent_at"
    )
    for answer in hooks.answers(hooks.DATA_EXPORT):
        export.update(answer(champion))
    return export


def export_rows(queryset, *fields) -> list[dict]:
    """Rows of plain values (dates as ISO text) for the download; `a__b` follows a relation."""
    return [{field: _path(obj, field) for field in fields} for obj in queryset]


def _path(obj, dotted):
    for part in dotted.split("__"):
        obj = getattr(obj, part, None)
    return _plain(obj)


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
