"""The finance and funder export of activity logs, fast enough for a million rows.

Wagtail's generic export builds five model instances a row (about 6,000 rows a second); this
reads plain values in chunks and writes the same columns as the listing's `list_export`.
"""

import csv
from collections import defaultdict

from django.db import connection
from django.utils import timezone
from wagtail.admin.views.mixins import Echo

from ..choices import ActivityKind, ActivityStatus
from ..models import ActivityFactor, ProtectiveFactor
from ..models.profile import champion_display_name
from . import neutralise_formula
from .activity_copy import activity_log_csv_copy

CHUNK = 5000
# The listing's list_export: the XLSX export and headings use it; _write follows its order.
COLUMNS = [
    "champion.display_name",
    "champion.area",
    "date",
    "get_kind_display",
    "hours",
    "people_reached",
    "event",
    "protective_factor_labels",
    "description",
    "get_status_display",
    "staff_message",
    "reviewed_by",
    "reviewed_at",
]
VALUES = (
    "pk",
    "champion_id",
    "champion__preferred_name",
    "champion__user__first_name",
    "champion__user__last_name",
    "champion__area__name",
    "date",
    "kind",
    "hours",
    "people_reached",
    "event__title",
    "event__starts_at",
    "description",
    "status",
    "staff_message",
    "reviewed_by__first_name",
    "reviewed_by__last_name",
    "reviewed_by__email",
    "reviewed_at",
)


def activity_log_csv(queryset, headings):
    """Yield CSV bytes for `queryset` (its filters and order kept): written by PostgreSQL's
    COPY there (activity_copy.py), by Python in batches of rows elsewhere."""
    if connection.vendor == "postgresql":
        return activity_log_csv_copy(queryset, headings)
    return activity_log_csv_python(queryset, headings)


def activity_log_csv_python(queryset, headings):
    """Yield CSV bytes for `queryset` (its filters and order kept), in batches of rows."""
    kinds, statuses = dict(ActivityKind.choices), dict(ActivityStatus.choices)
    factor_labels = dict(ProtectiveFactor.objects.values_list("code", "label"))
    writer = csv.writer(Echo())
    yield writer.writerow(headings)
    rows = queryset.prefetch_related(None).values_list(*VALUES).iterator(chunk_size=CHUNK)
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield _write(writer, chunk, kinds, statuses, factor_labels)
            chunk = []
    if chunk:
        yield _write(writer, chunk, kinds, statuses, factor_labels)


def _write(writer, chunk, kinds, statuses, factor_labels):
    factors = defaultdict(list)
    for activity_id, factor in ActivityFactor.objects.filter(
        activity_id__in=[row[0] for row in chunk]
    ).values_list("activity_id", "factor"):
        factors[activity_id].append(factor_labels[factor])
    return b"".join(
        writer.writerow(_cells(row, kinds, statuses, factors.get(row[0], ()))) for row in chunk
    )


def _cells(row, kinds, statuses, factor_names) -> list:
    """One CSV row from one `VALUES` tuple, text made formula-safe."""
    (
        _pk,
        champion_id,
        preferred_name,
        first_name,
        last_name,
        area,
        date,
        kind,
        hours,
        reached,
        event_title,
        event_start,
        description,
        status,
        message,
        first,
        last,
        email,
        reviewed_at,
    ) = row
    reviewer = " ".join(part for part in (first, last) if part).strip() or email or ""
    name = champion_display_name(
        pk=champion_id,
        preferred_name=preferred_name,
        first_name=first_name,
        last_name=last_name,
        area=area,
    )
    event = f"{event_title} ({timezone.localtime(event_start):%-d %b %Y})" if event_title else ""
    return [
        neutralise_formula(name),
        neutralise_formula(area or ""),
        date.isoformat(),
        kinds.get(kind, kind),
        hours,
        "" if reached is None else reached,
        neutralise_formula(event),
        ", ".join(factor_names),
        neutralise_formula(description),
        statuses.get(status, status),
        neutralise_formula(message),
        neutralise_formula(reviewer),
        timezone.localtime(reviewed_at).isoformat() if reviewed_at else "",
    ]
