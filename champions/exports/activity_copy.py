"""The activity log export on PostgreSQL: the server writes the CSV (`COPY ... TO STDOUT`).

The same cells as `activity.activity_log_csv` (the Python path other databases use), built as
SQL expressions on the listing's queryset, so its filters and order are kept; formula cells
get their apostrophe in SQL, as `neutralise_formula` does. A spreadsheet reads the same cells;
the bytes differ only in line endings (PostgreSQL ends rows with LF, not CRLF).
"""

import csv

from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.db import connection
from django.db.models import Case, CharField, F, Func, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, Left, NullIf, Trim
from django.db.models.lookups import In
from wagtail.admin.views.mixins import Echo

from ..choices import ActivityKind, ActivityStatus
from ..models import ActivityFactor
from . import FORMULA_PREFIXES

BATCH_BYTES = 256 * 1024  # the server sends a message a row; the response gets bigger pieces


def _zone() -> str:
    return settings.TIME_ZONE.replace("'", "''")


def _safe(expression):
    """Like neutralise_formula: a leading apostrophe on a cell that starts like a formula."""
    return Case(
        When(
            In(Left(expression, 1), list(FORMULA_PREFIXES)),
            then=Concat(Value("'"), expression, output_field=CharField()),
        ),
        default=expression,
        output_field=CharField(),
    )


def _label(field, choices):
    whens = [When(**{field: value}, then=Value(label)) for value, label in choices]
    return Case(*whens, default=F(field), output_field=CharField())


def _event_day(field):
    """ "{title} (2 Mar 2026)", the start's day in the site's time zone, as `%-d %b %Y`."""
    return Func(
        F(field),
        template=f"to_char(%(expressions)s AT TIME ZONE '{_zone()}', 'FMDD Mon YYYY')",
        output_field=CharField(),
    )


def _isoformat(field):
    """timezone.localtime(value).isoformat(): microseconds only when there are any, +HH:MM."""
    zone = _zone()
    local = f"(%(expressions)s AT TIME ZONE '{zone}')"
    offset = f"({local} - (%(expressions)s AT TIME ZONE 'UTC'))"
    template = (
        f"to_char({local}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        f" || CASE WHEN to_char({local}, 'US') = '000000' THEN '' ELSE to_char({local}, '.US') END"
        f" || CASE WHEN {offset} < interval '0' THEN '-' ELSE '+' END"
        f" || to_char(CASE WHEN {offset} < interval '0' THEN -{offset} ELSE {offset} END,"
        " 'HH24:MI')"
    )
    return Func(F(field), template=template, output_field=CharField())


def _factor_labels():
    labels = (
        ActivityFactor.objects.filter(activity_id=OuterRef("pk"))
        .order_by()
        .values("activity_id")
        .annotate(labels=StringAgg("factor__label", ", ", order_by="factor_id"))
        .values("labels")
    )
    return Coalesce(Subquery(labels), Value(""), output_field=CharField())


def _reviewer():
    name = Trim(Concat("reviewed_by__first_name", Value(" "), "reviewed_by__last_name"))
    reviewer = Coalesce(
        NullIf(name, Value("")), "reviewed_by__email", Value(""), output_field=CharField()
    )
    return _safe(reviewer)


def cells(queryset):
    """The export's columns, in COLUMNS order, as one values_list on the queryset."""
    event = Case(
        When(
            Q(event__title__isnull=False) & ~Q(event__title=""),
            then=Concat(
                "event__title",
                Value(" ("),
                _event_day("event__starts_at"),
                Value(")"),
                output_field=CharField(),
            ),
        ),
        default=Value(""),
        output_field=CharField(),
    )
    name, parts = _display_name()
    queryset = queryset.annotate(**parts)
    columns = {
        "x_name": _safe(name),
        "x_area": _safe(Coalesce("champion__area__name", Value(""))),
        "x_kind": _label("kind", ActivityKind.choices),
        "x_event": _safe(event),
        "x_factors": _factor_labels(),
        "x_description": _safe(F("description")),
        "x_status": _label("status", ActivityStatus.choices),
        "x_message": _safe(F("staff_message")),
        "x_reviewer": _reviewer(),
        "x_reviewed_at": _isoformat("reviewed_at"),
    }
    order = ["x_name", "x_area", "date", "x_kind", "hours", "people_reached", "x_event"]
    order += ["x_factors", "x_description", "x_status", "x_message", "x_reviewer"]
    order += ["x_reviewed_at"]
    return queryset.prefetch_related(None).annotate(**columns).values_list(*order)


def _strip(expression):
    """Python's str.strip() for the ASCII whitespace names hold (TRIM takes only spaces)."""
    return Func(expression, Value(" \t\n\r\x0b\x0c"), function="BTRIM", output_field=CharField())


def _display_name():
    """`champion_display_name` in SQL: "First Last (Known as)", or "Known as (Ward, #42)"
    when the account has no name."""
    first = _strip("champion__user__first_name")
    full = _strip(Concat("champion__user__first_name", Value(" "), "champion__user__last_name"))
    known_as = _strip("champion__preferred_name")
    return Case(
        When(
            ~Q(full=""),
            then=Case(
                When(
                    ~Q(known_as="") & ~Q(known_as=F("first")),
                    then=Concat(
                        "full", Value(" ("), "known_as", Value(")"), output_field=CharField()
                    ),
                ),
                default=F("full"),
                output_field=CharField(),
            ),
        ),
        default=Concat(
            "champion__preferred_name",
            Value(" ("),
            Coalesce(NullIf("champion__area__name", Value("")), Value("no area")),
            Value(", #"),
            Cast("champion_id", CharField()),
            Value(")"),
            output_field=CharField(),
        ),
        output_field=CharField(),
    ), {"first": first, "full": full, "known_as": known_as}


def activity_log_csv_copy(queryset, headings):
    """Yield the CSV bytes PostgreSQL writes for `queryset`, the headings row first."""
    writer = csv.writer(Echo(), lineterminator="\n")
    yield writer.writerow(headings)
    sql, params = cells(queryset).query.sql_with_params()
    # Bound on the client: COPY takes no parameters, and Django's debug cursor passes none.
    statement = f"COPY ({connection.ops.compose_sql(sql, params)}) TO STDOUT WITH (FORMAT csv)"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        batch, size = [], 0
        for data in copy:
            batch.append(bytes(data))
            size += len(data)
            if size >= BATCH_BYTES:
                yield b"".join(batch)
                batch, size = [], 0
        if batch:
            yield b"".join(batch)
