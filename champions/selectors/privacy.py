"""A champion's own data, as a copy on request (the download on "My consents").

The download is a zip: `my-data.json` with every kind of record the site keeps about them, and
their files (receipts, photos). Sections held by higher apps (event registrations, the calendar
feed, stories) come from the DATA_EXPORT hooks, which build their rows with `export_rows`;
their files come from the DATA_EXPORT_FILES hooks. Every model a section reads is noted
(`exported_models`), so a test can tell when a new model about champions is left out.
"""

import contextvars
import datetime
import io
import json
import zipfile
from pathlib import PurePosixPath

from allauth.account.models import EmailAddress
from django.db.models import Manager
from django.utils import timezone

from accounts.models import OutboxMessage

from .. import hooks
from ..models import ActivityFactor, Champion, GoalNote, SupervisionReflection
from .history import champion_log_entries

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
        ("kind", "status", "completed_on", "renewal_due_on", "certificate_last4", "notes"),
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
        lambda c: c.activity_logs.select_related("event").prefetch_related("protective_factors"),
        (
            "date",
            "kind",
            "hours",
            "event__title",
            "people_reached",
            "protective_factors",
            "description",
            "status",
            "staff_message",
            "champion_reply",
        ),
    ),
    (
        "goals",
        lambda c: c.goals.select_related("factor"),
        ("title", "target_on", "factor__label", "skill", "achieved_on", "created_at"),
    ),
    (
        "goal_notes",
        lambda c: GoalNote.objects.filter(goal__champion=c).select_related("goal"),
        ("goal__title", "written_at", "text"),
    ),
    (
        "supervision_reflections",
        lambda c: SupervisionReflection.objects.filter(supervision__champion=c).select_related(
            "supervision"
        ),
        ("supervision__held_on", "went_well", "needs", "written_at"),
    ),
    (
        "safeguarding_policy_confirmations",
        lambda c: c.policy_confirmations.all(),
        ("version", "confirmed_at"),
    ),
    (
        "milestones",
        lambda c: c.milestones.all(),
        ("kind", "value", "reached_on"),
    ),
    (
        "commendations",
        lambda c: c.commendations.all(),
        ("contribution", "text", "written_on", "public"),
    ),
    (
        "expense_claims",
        lambda c: c.expense_claims.all(),
        (
            "date",
            "category",
            "amount",
            "description",
            "receipt",
            "declared_without_receipt",
            "status",
            "staff_message",
            "paid_on",
            "payment_reference",
        ),
    ),
    (
        "supervision_notes",
        lambda c: c.supervision_notes.all(),
        ("held_on", "kind", "note"),
    ),
    (
        "email_addresses",
        lambda c: EmailAddress.objects.filter(user=c.user_id),
        ("email", "verified", "primary"),
    ),
    (
        "messages",
        lambda c: OutboxMessage.objects.filter(user=c.user_id),
        ("channel", "address", "subject", "body", "status", "created_at", "sent_at"),
    ),
    (
        "audit_log",
        champion_log_entries,
        ("timestamp", "action", "label", "data"),
    ),
]

_exported = contextvars.ContextVar("exported_models", default=None)


def champion_data_export(champion: Champion) -> dict:
    """Everything held about this champion, as plain data for the JSON file of the download."""
    user = champion.user
    note_exported(type(user), Champion, ActivityFactor)  # account, profile, factors on logs
    export = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": _plain(user.last_login),
        },
        "profile": {
            "preferred_name": champion.preferred_name,
            "area": str(champion.area or ""),
            "phone": champion.phone,
            "contact_preference": champion.get_contact_preference_display(),
            "next_step": champion.next_step,
            "preferred_channel": champion.get_preferred_channel_display(),
            "languages": champion.languages,
            "heard_about": champion.heard_about,
            "stage": champion.get_stage_display(),
            "joined_on": _plain(champion.joined_on),
            "left_on": _plain(champion.left_on),
            "coordinator": str(champion.coordinator or ""),
        },
    }
    for key, rows_of, fields in SECTIONS:
        export[key] = export_rows(rows_of(champion), *fields)
    for answer in hooks.answers(hooks.DATA_EXPORT):
        export.update(answer(champion))
    return export


def champion_data_files(champion: Champion) -> list[tuple[str, object]]:
    """(path in the zip, file) for each file of theirs: receipts, then the hooks' files."""
    files = [
        (f"files/receipts/{PurePosixPath(claim.receipt.name).name}", claim.receipt)
        for claim in champion.expense_claims.exclude(receipt="")
    ]
    for answer in hooks.answers(hooks.DATA_EXPORT_FILES):
        files += answer(champion)
    return files


def champion_data_archive(champion: Champion) -> bytes:
    """The download: a zip of my-data.json and their files (a file gone missing is skipped)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        data = champion_data_export(champion)
        text = json.dumps(data, indent=2, ensure_ascii=False)
        archive.writestr("my-data.json", text)
        for path, file in champion_data_files(champion):
            try:
                with file.open("rb") as source:
                    archive.writestr(path, source.read())
            except (FileNotFoundError, OSError):
                continue
    return buffer.getvalue()


def exported_models(champion: Champion) -> set[type]:
    """The models the download reads, found by building it (for the coverage test)."""
    token = _exported.set(set())
    try:
        champion_data_export(champion)
        return _exported.get()
    finally:
        _exported.reset(token)


def note_exported(*models) -> None:
    """Note that the download holds these models' rows (export_rows does this itself)."""
    seen = _exported.get()
    if seen is not None:
        seen.update(models)


def export_rows(queryset, *fields) -> list[dict]:
    """Rows of plain values (dates as ISO text) for the download; `a__b` follows a relation."""
    note_exported(queryset.model)
    return [{field: _path(obj, field) for field in fields} for obj in queryset]


def _path(obj, dotted):
    for part in dotted.split("__"):
        obj = getattr(obj, part, None)
    if isinstance(obj, Manager):
        return [str(item) for item in obj.all()]
    return _plain(obj)


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str | dict | list):
        return value
    return str(value)
