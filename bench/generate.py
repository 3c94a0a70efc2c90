"""A deterministic programme proportional to a scale N, for benchmarks.

At N=1: 100 areas, 10,000 champions, 200,000 training records, 50,000 events,
1,000,000 registrations, 1,000,000 activity logs, 100,000 expense claims, 2,000 stories
and 500 outcomes. Rows go in with PostgreSQL COPY (bulk_create elsewhere, e.g. SQLite in
tests) with ids assigned here, so that foreign keys need no read-back. Wagtail pages are
made with add_child, which keeps the page tree, search index and references right.

The same scale and day give the same data: every choice comes from seeded random.Random.
Dates are relative to today, so that "upcoming" and "due for a reminder" stay true.
"""

import datetime
import itertools
import math
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

BASE = {
    "areas": 100,
    "champions": 10_000,
    "training_records": 200_000,
    "events": 50_000,
    "registrations": 1_000_000,
    "activity_logs": 1_000_000,
    "expense_claims": 100_000,
    "stories": 2_000,
    "outcomes": 500,
}
# Bookings on events due for a reminder (part of the registrations above), and the size of
# the largest attendance register; both as the issue asks at N=1.
REMINDER_BOOKINGS = 10_000
REGISTER_SIZE = 200
PASSWORD = "bench-password-2026"  # noqa: S105 - benchmark accounts on a throwaway database
COORDINATOR_EMAIL = "bench-coordinator@example.org"
REGISTER_TITLE = "Attendance register: family hub open day"
REMINDER_TITLE = "Reminder test"


class NotEmpty(Exception):
    """The database already holds a programme; the generator fills only an empty one."""


@dataclass(frozen=True)
class Plan:
    """How many rows of each kind a scale gives."""

    scale: float
    counts: dict[str, int]

    @classmethod
    def for_scale(cls, scale: float) -> "Plan":
        if scale <= 0:
            raise ValueError("The scale must be more than 0.")
        return cls(scale, {name: max(1, round(n * scale)) for name, n in BASE.items()})

    def __getattr__(self, name):
        try:
            return self.counts[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def reminder_bookings(self) -> int:
        return min(max(1, round(REMINDER_BOOKINGS * self.scale)), self.registrations // 4)

    @property
    def register_size(self) -> int:
        return min(REGISTER_SIZE, self.champions)


# Loading rows
# ------------------------------------------------------------------------------


def _is_json(f) -> bool:
    return f.get_internal_type() == "JSONField"


class Loader:
    """Writes rows with ids chosen here: COPY on PostgreSQL, bulk_create elsewhere.

    Fields left out get their model default (or now() for auto_now fields), so a field that
    someone adds later with a default does not break the generator.
    """

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()
        self.counts: dict[str, int] = {}
        self.loaded: list[type[models.Model]] = []

    def first_id(self, model) -> int:
        top = model._default_manager.aggregate(top=models.Max("pk"))["top"]
        return (top or 0) + 1

    def write(self, model, fields: list[str], rows: Iterable[tuple]) -> int:
        given = {model._meta.get_field(name).attname for name in fields}
        fixed = []
        for f in model._meta.concrete_fields:
            if f.attname in given:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                fixed.append((f, self.now))
            elif (default := f.get_default()) is not None or f.null:
                fixed.append((f, default))
            else:
                raise ValueError(f"{model.__name__}.{f.name} needs a value from the generator")
        all_fields = [model._meta.get_field(name) for name in fields] + [f for f, _ in fixed]
        tail = tuple(v for _, v in fixed)
        written = (
            self._copy(model, all_fields, rows, tail)
            if self.postgres
            else self._bulk(model, all_fields, rows, tail)
        )
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + written
        if model not in self.loaded:
            self.loaded.append(model)
        return written

    def _copy(self, model, all_fields, rows, tail) -> int:
        from psycopg.types.json import Jsonb

        json_at = [i for i, f in enumerate(all_fields) if _is_json(f)]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in all_fields)
        table = connection.ops.quote_name(model._meta.db_table)
        n = 0
        sql = f"COPY {table} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                row = row + tail
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = Jsonb(row[i])
                copy.write_row(row)
                n += 1
        return n

    def _bulk(self, model, all_fields, rows, tail) -> int:
        names = [f.attname for f in all_fields]
        n = 0
        iterator = iter(rows)
        while batch := list(itertools.islice(iterator, 2000)):
            model._default_manager.bulk_create(
                [model(**dict(zip(names, row + tail, strict=True))) for row in batch]
            )
            n += len(batch)
        return n

    def reset_sequences(self) -> None:
        """COPY with explicit ids leaves PostgreSQL's sequences behind: move them on."""
        if not self.postgres or not self.loaded:
            return
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), self.loaded):
                cursor.execute(sql)


# Names and words (no Faker: the generator runs with production dependencies only)
# ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Aisha Amelia Ana Bogdan Chloe Daniel Demi Ewa Fatima Grace Hannah Imran Isla Jade Jamal "
    "Kasia Leah Liam Maria Maya Mohammed Nadia Noah Olivia Oscar Priya Rosie Ruth Sam Sana "
    "Sofia Tariq Tom Umar Yasmin Zara Zofia Kemi Bethan Callum"
)
LAST = _words(
    "Ahmed Bailey Brown Clarke Davies Evans Green Hughes Hussain Jackson James Jones Khan "
    "Kowalski Lewis Martin Murphy Nowak Okafor Patel Popescu Roberts Robinson Shah Smith "
    "Taylor Thomas Walker White Williams Wilson Wood Wright Young Begum Ali Campbell Reid"
)
PLACES = [
    "Milton",
    "Westborough",
    "Kursaal",
    "Victoria",
    "Shoebury",
    "Eastwood",
    "Leigh",
    "Chalkwell",
    "Prittlewell",
    "St Luke's",
    "Thorpe",
    "Belfairs",
    "Blenheim",
    "Southchurch",
    "Temple",
    "Hamstel",
    "Earls Hall",
    "Cliffs",
]
SIDES = ["North", "South", "East", "West", "Central", "Park", "Green", "Vale", "Hill", "Cross"]
TAGS = [
    "confidence",
    "health visiting",
    "languages",
    "dads",
    "mapping",
    "co-production",
    "early years",
    "mental health",
    "breastfeeding",
    "send",
    "childcare",
    "play",
]


def _area_names(n: int) -> list[str]:
    names = [f"{p} {s}" for s in SIDES for p in PLACES]
    if n <= len(names):
        return names[:n]
    return [f"{names[i % len(names)]} {i // len(names) + 1}" for i in range(n)]


def _spread(total: int, parts: int, cap: int) -> list[int]:
    """`total` split into `parts` near-equal whole numbers, none above `cap`."""
    if parts <= 0:
        return []
    base, extra = divmod(total, parts)
    return [min(cap, base + (1 if i < extra else 0)) for i in range(parts)]


# The programme
# ------------------------------------------------------------------------------


@dataclass
class Programme:
    """What later steps need from earlier ones: ids and a few facts per row."""

    plan: Plan
    today: datetime.date
    now: datetime.datetime
    area_ids: list[int] = field(default_factory=list)
    staff_ids: list[int] = field(default_factory=list)
    coordinator_id: int = 0
    champion_ids: list[int] = field(default_factory=list)
    champion_user_ids: list[int] = field(default_factory=list)
    champion_stage: list[str] = field(default_factory=list)
    module_ids: list[int] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    event_start: list[datetime.datetime] = field(default_factory=list)
    event_kind: list[str] = field(default_factory=list)
    event_completed: list[bool] = field(default_factory=list)
    co_production_event_ids: list[int] = field(default_factory=list)
    parent_voice_item_ids: list[int] = field(default_factory=list)
    registration_sizes: list[int] = field(default_factory=list)
    n_reminder_events: int = 0
    activity_first_id: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def generate(
    *,
    scale: float,
    today: datetime.date | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Fill an empty database; returns rows written per model label."""
    from champions.models import Champion

    if Champion.objects.exists():
        raise NotEmpty(
            "The database already holds champions: bench_data fills an empty database only. "
            "Drop and recreate it (bench/run.py does) and run it again."
        )
    plan = Plan.for_scale(scale)
    now = timezone.now()
    programme = Programme(plan=plan, today=today or timezone.localdate(), now=now)
    loader = Loader()
    steps = [
        ("areas and training modules", _areas_and_modules),
        ("users", _users),
        ("champions", _champions),
        ("checks and consents", _checks_and_consents),
        ("training records", _training_records),
        ("events", _events),
        ("registrations", _registrations),
        *_later_steps(),
        ("public pages", _pages),
    ]
    with transaction.atomic():
        for name, step in steps:
            started = time.perf_counter()
            step(programme, loader)
            programme.timings[name] = time.perf_counter() - started
            log(f"  {name}: {programme.timings[name]:.1f} s")
        loader.reset_sequences()
    from cms.cache import public_cache_clear

    public_cache_clear()
    return loader.counts


def _later_steps():
    """Steps for models that exist only once their capability has been merged."""
    from django.apps import apps

    steps = []
    if apps.get_app_config("events").models.get("walkin"):
        steps.append(("attendance and meeting records", _attendance_and_meetings))
    if apps.get_app_config("champions").models.get("activitylog"):
        steps.append(("activity logs and expenses", _activity))
    return steps


def _areas_and_modules(p: Programme, loader: Loader) -> None:
    from django.utils.text import slugify

    from champions.choices import TrainingCategory
    from champions.models import Area, TrainingModule

    first = loader.first_id(Area)
    names = _area_names(p.plan.areas)
    loader.write(
        Area,
        ["id", "name", "slug"],
        ((first + i, name, slugify(name)) for i, name in enumerate(names)),
    )
    p.area_ids = list(range(first, first + len(names)))

    categories = list(TrainingCategory)
    catalogue = [
        ("Core induction", TrainingCategory.CORE, "3", True, None),
        ("Safeguarding children and adults", TrainingCategory.SAFEGUARDING, "3", True, 36),
        ("Confidentiality and data protection", TrainingCategory.DATA_PROTECTION, "2", True, 24),
        ("Co-production in practice", TrainingCategory.CO_PRODUCTION, "2.5", True, None),
    ]
    catalogue += [
        (f"Specialist topic {i + 1}", categories[i % len(categories)], "1.5", False, None)
        for i in range(20)
    ]
    first = loader.first_id(TrainingModule)
    loader.write(
        TrainingModule,
        [
            "id",
            "title",
            "category",
            "hours",
            "required_for_activation",
            "validity_months",
            "display_order",
        ],
        (
            (first + i, title, cat, Decimal(h), req, valid, i)
            for i, (title, cat, h, req, valid) in enumerate(catalogue)
        ),
    )
    p.module_ids = list(range(first, first + len(catalogue)))


def _users(p: Programme, loader: Loader) -> None:
    from allauth.account.models import EmailAddress

    from accounts.models import COORDINATORS, User

    # Hashing is deliberately slow: hash once, share the hash.
    password = make_password(PASSWORD)
    staff_count = max(2, p.plan.areas // 10)
    n_users = staff_count + p.plan.champions
    first = loader.first_id(User)
    joined = p.now - datetime.timedelta(days=3 * 365)

    def user_rows():
        for i in range(staff_count):
            email = COORDINATOR_EMAIL if i == 0 else f"coordinator{i:03d}@example.org"
            yield (first + i, email, password, FIRST[i % 40], LAST[i % 38], True, joined)
        for c in range(p.plan.champions):
            email = f"champion{c + 1:05d}@example.org"
            yield (
                first + staff_count + c,
                email,
                password,
                FIRST[c % 40],
                LAST[(c // 40) % 38],
                False,
                joined + datetime.timedelta(days=c % 1000),
            )

    emails: list[str] = []

    def remember(rows):
        for row in rows:
            emails.append(row[1])
            yield row

    loader.write(
        User,
        ["id", "email", "password", "first_name", "last_name", "is_staff", "date_joined"],
        remember(user_rows()),
    )
    first_address = loader.first_id(EmailAddress)
    loader.write(
        EmailAddress,
        ["id", "user", "email", "verified", "primary"],
        ((first_address + i, first + i, email, True, True) for i, email in enumerate(emails)),
    )
    p.staff_ids = list(range(first, first + staff_count))
    p.coordinator_id = first
    p.champion_user_ids = list(range(first + staff_count, first + n_users))
    coordinators = Group.objects.get(name=COORDINATORS)
    through = User.groups.through
    first_link = loader.first_id(through)
    loader.write(
        through,
        ["id", "user", "group"],
        ((first_link + i, uid, coordinators.pk) for i, uid in enumerate(p.staff_ids)),
    )


STAGES = (
    ["enquiry", "onboarding", "in_training"] + ["active"] * 13 + ["paused"] * 2 + ["alumni"] * 2
)


def _champions(p: Programme, loader: Loader) -> None:
    from champions.models import Champion, StageChange

    rng = random.Random(1)
    first = loader.first_id(Champion)
    n = p.plan.champions
    p.champion_ids = list(range(first, first + n))
    p.champion_stage = [STAGES[c % len(STAGES)] for c in range(n)]
    languages = ["English", "English, Polish", "English, Urdu", "English, Romanian", "English"]

    def rows():
        for c in range(n):
            joined = p.today - datetime.timedelta(days=30 + rng.randrange(3 * 365))
            stage = p.champion_stage[c]
            yield (
                first + c,
                p.champion_user_ids[c],
                FIRST[c % 40],
                p.area_ids[c % len(p.area_ids)],
                f"07700 9{c % 100000:05d}",
                languages[c % len(languages)],
                stage,
                joined,
                p.staff_ids[c % len(p.staff_ids)],
                joined + datetime.timedelta(days=400) if stage == "alumni" else None,
            )

    loader.write(
        Champion,
        [
            "id",
            "user",
            "preferred_name",
            "area",
            "phone",
            "languages",
            "stage",
            "joined_on",
            "coordinator",
            "left_on",
        ],
        rows(),
    )
    first_change = loader.first_id(StageChange)
    loader.write(
        StageChange,
        ["id", "champion", "from_stage", "to_stage", "changed_at", "changed_by"],
        (
            (first_change + c, first + c, "enquiry", p.champion_stage[c], p.now, p.coordinator_id)
            for c in range(n)
            if p.champion_stage[c] != "enquiry"
        ),
    )


def _checks_and_consents(p: Programme, loader: Loader) -> None:
    from champions.choices import CheckKind, CheckStatus, ConsentKind
    from champions.models import Consent, OnboardingCheck

    first = loader.first_id(OnboardingCheck)
    kinds = [
        CheckKind.DBS,
        CheckKind.REFERENCE_1,
        CheckKind.REFERENCE_2,
        CheckKind.VOLUNTEER_AGREEMENT,
    ]
    ready = [c for c, stage in enumerate(p.champion_stage) if stage in ("active", "paused")]

    def check_rows():
        n = 0
        for c in ready:
            done_on = p.today - datetime.timedelta(days=60 + c % 900)
            for kind in kinds:
                renewal = done_on + datetime.timedelta(days=3 * 365) if kind == "dbs" else None
                yield (
                    first + n,
                    p.champion_ids[c],
                    kind,
                    CheckStatus.COMPLETE,
                    done_on,
                    renewal,
                    f"{c % 10000:04d}" if kind == "dbs" else "",
                    p.coordinator_id,
                    p.now,
                )
                n += 1

    loader.write(
        OnboardingCheck,
        [
            "id",
            "champion",
            "kind",
            "status",
            "completed_on",
            "renewal_due_on",
            "certificate_last4",
            "recorded_by",
            "recorded_at",
        ],
        check_rows(),
    )
    # Everyone may be e-mailed (reminders reach every booking); story consent is given below,
    # with the stories.
    first = loader.first_id(Consent)
    given = p.now - datetime.timedelta(days=200)
    loader.write(
        Consent,
        ["id", "champion", "kind", "given_at", "wording_version"],
        (
            (first + c, champion_id, ConsentKind.CONTACT_EMAIL, given, "2026-01")
            for c, champion_id in enumerate(p.champion_ids)
        ),
    )


def _training_records(p: Programme, loader: Loader) -> None:
    from dateutil.relativedelta import relativedelta

    from champions.choices import TrainingStatus
    from champions.models import TrainingModule, TrainingRecord

    rng = random.Random(2)
    modules = list(TrainingModule.objects.filter(pk__in=p.module_ids).order_by("display_order"))
    required = [m for m in modules if m.required_for_activation]
    optional = [m for m in modules if not m.required_for_activation]
    per_champion = _spread(p.plan.training_records, p.plan.champions, len(modules))
    first = loader.first_id(TrainingRecord)

    def rows():
        n = 0
        for c, count in enumerate(per_champion):
            shift = c % len(optional)
            chosen = (required + optional[shift:] + optional[:shift])[:count]
            trained = p.champion_stage[c] in ("active", "paused", "alumni")
            for module in chosen:
                roll = rng.random()
                if trained and (module.required_for_activation or roll < 0.6):
                    status = TrainingStatus.COMPLETED
                    completed = p.today - datetime.timedelta(days=10 + rng.randrange(1000))
                elif roll < 0.8:
                    status, completed = TrainingStatus.ATTENDED, None
                else:
                    status, completed = TrainingStatus.ENROLLED, None
                expires = (
                    completed + relativedelta(months=module.validity_months)
                    if completed and module.validity_months
                    else None
                )
                by = p.coordinator_id if completed else None
                yield (first + n, p.champion_ids[c], module.pk, status, completed, expires, by)
                n += 1

    loader.write(
        TrainingRecord,
        ["id", "champion", "module", "status", "completed_on", "expires_on", "verified_by"],
        rows(),
    )


def _events(p: Programme, loader: Loader) -> None:
    """Past events over three years and upcoming ones over three months, plus two kinds the
    runner measures: events starting within the reminder window, and one big register."""
    from events.choices import Audience, EventKind, EventStatus
    from events.models import Event

    rng = random.Random(3)
    plan = p.plan
    reminder_hours = getattr(settings, "EVENT_REMINDER_HOURS", 48)
    p.registration_sizes, n_reminder = registration_sizes(plan)
    p.n_reminder_events = n_reminder
    area_names = _area_names(len(p.area_ids))
    kinds = list(EventKind)
    first = loader.first_id(Event)
    n = plan.events
    # Upcoming events start after the reminder window, so only the reminder events are due.
    soon = p.now + datetime.timedelta(hours=reminder_hours + 24)
    training_module = p.module_ids[0]

    def rows():
        for e in range(n):
            area = p.area_ids[e % len(p.area_ids)]
            area_index = e % len(p.area_ids)
            if e == 0:
                kind, title = EventKind.ENGAGEMENT, REGISTER_TITLE
                starts = p.now - datetime.timedelta(hours=2)
                status, audience = EventStatus.SCHEDULED, Audience.CHAMPIONS
            elif e <= n_reminder:
                kind, title = EventKind.ENGAGEMENT, f"{REMINDER_TITLE} {e}"
                starts = p.now + datetime.timedelta(hours=2 + (e % 20))
                status, audience = EventStatus.SCHEDULED, Audience.CHAMPIONS
            else:
                kind = kinds[rng.randrange(len(kinds))]
                title = f"{kind.label} in {area_names[area_index]}"
                if rng.random() < 0.9:
                    starts = p.now - datetime.timedelta(days=1 + rng.random() * 3 * 365)
                    status = EventStatus.CANCELLED if rng.random() < 0.03 else EventStatus.COMPLETED
                else:
                    starts = soon + datetime.timedelta(days=rng.random() * 90)
                    status = EventStatus.SCHEDULED
                audience = Audience.PUBLIC if rng.random() < 0.25 else Audience.CHAMPIONS
            starts = starts.replace(minute=(starts.minute // 15) * 15, second=0, microsecond=0)
            p.event_start.append(starts)
            p.event_kind.append(kind)
            completed = status == EventStatus.COMPLETED
            p.event_completed.append(completed)
            yield (
                first + e,
                title,
                kind,
                starts,
                starts + datetime.timedelta(hours=2),
                "Family hub" if e % 3 else "Community centre",
                f"{1 + e % 200} High Street",
                area,
                None,
                audience,
                "Come and tell services what matters to your family.",
                p.staff_ids[e % len(p.staff_ids)],
                status,
                "Venue unavailable" if status == EventStatus.CANCELLED else "",
                training_module if kind == EventKind.TRAINING else None,
                starts - datetime.timedelta(days=30),
                e % 2 == 0,
                # Head counts and who took the register, for events that have happened.
                rng.randrange(5, 40) if completed else None,
                rng.randrange(5, 60) if completed else None,
                starts + datetime.timedelta(hours=2) if completed else None,
                p.staff_ids[e % len(p.staff_ids)] if completed else None,
            )

    loader.write(
        Event,
        [
            "id",
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "venue_name",
            "venue_address",
            "area",
            "capacity",
            "audience",
            "description",
            "organiser",
            "status",
            "cancellation_reason",
            "training_module",
            "created_at",
            "children_welcome",
            "families_reached",
            "children_reached",
            "attendance_taken_at",
            "attendance_taken_by",
        ],
        rows(),
    )
    p.event_ids = list(range(first, first + n))
    p.co_production_event_ids = [
        p.event_ids[e]
        for e in range(n)
        if p.event_kind[e] == EventKind.CO_PRODUCTION and p.event_start[e] < p.now
    ]


def registration_sizes(plan: Plan) -> tuple[list[int], int]:
    """Bookings per event (the register, the reminder events, then the rest spread evenly),
    and how many reminder events there are."""
    cap = plan.register_size
    reminder = _spread(plan.reminder_bookings, math.ceil(plan.reminder_bookings / cap), cap)
    reminder = reminder[: max(0, plan.events - 1)]
    rest_events = plan.events - 1 - len(reminder)
    rest = max(0, plan.registrations - cap - sum(reminder))
    sizes = [cap, *reminder, *_spread(rest, rest_events, plan.champions)]
    return sizes[: plan.events], len(reminder)


def _registrations(p: Programme, loader: Loader) -> None:
    from events.choices import RegistrationStatus
    from events.models import Registration

    rng = random.Random(4)
    sizes = p.registration_sizes
    n_special = 1 + p.n_reminder_events
    n_champions = len(p.champion_ids)
    first = loader.first_id(Registration)

    def rows():
        n = 0
        for e, size in enumerate(sizes):
            start = rng.randrange(n_champions)
            created = p.event_start[e] - datetime.timedelta(days=7)
            for k in range(size):
                if e < n_special:
                    status = RegistrationStatus.BOOKED
                else:
                    roll = rng.random()
                    status = (
                        RegistrationStatus.CANCELLED
                        if roll < 0.05
                        else RegistrationStatus.WAITING
                        if roll < 0.08
                        else RegistrationStatus.BOOKED
                    )
                champion = p.champion_ids[(start + k) % n_champions]
                attended = (
                    rng.random() < 0.85
                    if p.event_completed[e] and status == RegistrationStatus.BOOKED
                    else None
                )
                yield (first + n, p.event_ids[e], champion, status, created, attended)
                n += 1

    loader.write(
        Registration, ["id", "event", "champion", "status", "created_at", "attended"], rows()
    )


def _attendance_and_meetings(p: Programme, loader: Loader) -> None:
    """Walk-ins at events that have happened, and records of past co-production meetings
    and focus groups (parent voice, a decision and an action each)."""
    from events.choices import RECORDED_KINDS, ActionStatus, AttendeeRole
    from events.models import Decision, MeetingAction, MeetingRecord, ParentVoiceItem, WalkIn

    roles = list(AttendeeRole)
    organisations = ["", "Health visiting", "Children's centre", "University", "Council"]
    done = [e for e in range(len(p.event_ids)) if p.event_completed[e]]
    first = loader.first_id(WalkIn)

    def walk_ins():
        n = 0
        for e in done:
            for k in range(e % 4):
                role = roles[(e + k) % len(roles)]
                yield (
                    first + n,
                    p.event_ids[e],
                    "",
                    "" if role == AttendeeRole.PARENT else organisations[1 + (e + k) % 4],
                    role,
                    p.event_start[e],
                )
                n += 1

    loader.write(WalkIn, ["id", "event", "name", "organisation", "role", "created_at"], walk_ins())

    recorded = [e for e in done if p.event_kind[e] in RECORDED_KINDS]
    first = loader.first_id(MeetingRecord)
    loader.write(
        MeetingRecord,
        ["id", "event", "agenda", "notes", "created_at"],
        (
            (
                first + i,
                p.event_ids[e],
                "1. Welcome\n2. What parents told us\n3. Next steps",
                "Parents and the service lead discussed clinic times.",
                p.event_start[e] + datetime.timedelta(hours=3),
            )
            for i, e in enumerate(recorded)
        ),
    )
    voices = [
        ("Clinic times do not work for parents who work.", ["concrete_support"]),
        ("Parents want groups in community languages.", ["connections", "knowledge"]),
    ]
    first_item = loader.first_id(ParentVoiceItem)
    p.parent_voice_item_ids = list(range(first_item, first_item + 2 * len(recorded)))
    loader.write(
        ParentVoiceItem,
        ["id", "record", "sort_order", "text"],
        (
            (first_item + 2 * i + k, first + i, k, text)
            for i in range(len(recorded))
            for k, (text, _) in enumerate(voices)
        ),
    )
    # Protective factors are rows (champions.ProtectiveFactor, keyed by code) since the
    # structure change: one row per item and factor.
    through = ParentVoiceItem.protective_factors.through
    first_link = loader.first_id(through)
    loader.write(
        through,
        ["id", "parentvoiceitem", "protectivefactor"],
        (
            (first_link + n, item, code)
            for n, (item, code) in enumerate(
                (first_item + 2 * i + k, code)
                for i in range(len(recorded))
                for k, (_, factors) in enumerate(voices)
                for code in factors
            )
        ),
    )
    first_item = loader.first_id(Decision)
    loader.write(
        Decision,
        ["id", "record", "sort_order", "text"],
        (
            (first_item + i, first + i, 0, "Pilot an evening clinic for three months.")
            for i in range(len(recorded))
        ),
    )
    statuses = list(ActionStatus)
    first_item = loader.first_id(MeetingAction)
    loader.write(
        MeetingAction,
        ["id", "record", "sort_order", "what", "owner", "due_on", "status"],
        (
            (
                first_item + i,
                first + i,
                0,
                "Report back on the evening clinic pilot.",
                "Health visiting service",
                p.event_start[e].date() + datetime.timedelta(days=60),
                statuses[i % len(statuses)],
            )
            for i, e in enumerate(recorded)
        ),
    )


def _weighted_spread(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole numbers that add up to `total`."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    counts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: counts[i] - raw[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


ACTIVITY_WEIGHT = {"active": 1.0, "paused": 0.6, "alumni": 0.6, "in_training": 0.3}


def _activity(p: Programme, loader: Loader) -> None:
    """Activity logs (hours, reach, protective factors) and expense claims.

    Active champions log the most, people still in training a little, enquiries nothing;
    within a stage it varies, so some champions have far more rows than others.
    """
    from champions.choices import (
        ActivityKind,
        ActivityStatus,
        ExpenseCategory,
        ExpenseStatus,
    )
    from champions.choices import ProtectiveFactorCode as ProtectiveFactor
    from champions.models import ActivityFactor, ActivityLog, ExpenseClaim

    rng = random.Random(6)
    weights = [
        ACTIVITY_WEIGHT.get(stage, 0) * (0.2 + (c * 7919 % 100) / 50)
        for c, stage in enumerate(p.champion_stage)
    ]
    if not any(weights):
        weights = [1.0] * len(weights)
    per_champion = _weighted_spread(p.plan.activity_logs, weights)
    past_events = [e for e, start in zip(p.event_ids, p.event_start, strict=True) if start < p.now]
    kinds = list(ActivityKind)
    factors = list(ProtectiveFactor)
    descriptions = [
        "Ran the welcome table at the family hub and talked to parents about the programme.",
        "Joined the health visiting co-production meeting and shared what parents told us.",
        "Peer support call with a parent who is new to the area.",
        "Stall at the summer fair: signed parents up to the consultation.",
        "Research panel on the children's centre timetable.",
    ]
    first = p.activity_first_id = loader.first_id(ActivityLog)
    ranges: list[tuple[int, int]] = []

    def rows():
        n = 0
        for c, count in enumerate(per_champion):
            ranges.append((first + n, count))
            for _ in range(count):
                day = p.today - datetime.timedelta(days=1 + rng.randrange(3 * 365))
                roll = rng.random()
                status = (
                    ActivityStatus.APPROVED
                    if roll < 0.8
                    else ActivityStatus.SUBMITTED
                    if roll < 0.9
                    else ActivityStatus.QUERIED
                    if roll < 0.95
                    else ActivityStatus.REJECTED
                )
                reviewed = status != ActivityStatus.SUBMITTED
                created = datetime.datetime.combine(
                    day, datetime.time(20), tzinfo=p.now.tzinfo
                ) + datetime.timedelta(days=rng.randrange(3))
                yield (
                    first + n,
                    p.champion_ids[c],
                    day,
                    kinds[rng.randrange(len(kinds))],
                    Decimal(1 + rng.randrange(20)) / 4,
                    past_events[rng.randrange(len(past_events))]
                    if past_events and roll < 0.3
                    else None,
                    rng.randrange(40) if roll < 0.7 else None,
                    descriptions[rng.randrange(len(descriptions))],
                    status,
                    "Which event was this?" if status == ActivityStatus.QUERIED else "",
                    p.coordinator_id if reviewed else None,
                    created + datetime.timedelta(days=2) if reviewed else None,
                    created,
                )
                n += 1

    loader.write(
        ActivityLog,
        [
            "id",
            "champion",
            "date",
            "kind",
            "hours",
            "event",
            "people_reached",
            "description",
            "status",
            "staff_message",
            "reviewed_by",
            "reviewed_at",
            "created_at",
        ],
        rows(),
    )

    first_factor = loader.first_id(ActivityFactor)  # not inside the COPY: one query at a time

    def factor_rows():
        # One or two factors per log, derived from its id so that nothing is held in memory.
        n = first_factor
        for pk in range(first, first + sum(per_champion)):
            for k in range(1 + pk % 2):
                yield (n, pk, factors[(pk * 7 + k) % len(factors)])
                n += 1

    loader.write(ActivityFactor, ["id", "activity", "factor"], factor_rows())

    per_champion = _weighted_spread(p.plan.expense_claims, weights)
    categories = list(ExpenseCategory)
    first = loader.first_id(ExpenseClaim)

    def expense_rows():
        n = 0
        for c, count in enumerate(per_champion):
            activity_start, activity_count = ranges[c]
            for _ in range(count):
                day = p.today - datetime.timedelta(days=1 + rng.randrange(3 * 365))
                roll = rng.random()
                status = (
                    ExpenseStatus.PAID
                    if roll < 0.6
                    else ExpenseStatus.APPROVED
                    if roll < 0.75
                    else ExpenseStatus.SUBMITTED
                    if roll < 0.9
                    else ExpenseStatus.REJECTED
                )
                reviewed = status != ExpenseStatus.SUBMITTED
                created = datetime.datetime.combine(day, datetime.time(21), tzinfo=p.now.tzinfo)
                category = categories[rng.randrange(len(categories))]
                yield (
                    first + n,
                    p.champion_ids[c],
                    day,
                    category,
                    Decimal(150 + rng.randrange(3500)) / 100,
                    f"{category.label} for a programme activity",
                    activity_start + rng.randrange(activity_count) if activity_count else None,
                    status,
                    "Not a programme cost." if status == ExpenseStatus.REJECTED else "",
                    p.coordinator_id if reviewed else None,
                    created + datetime.timedelta(days=3) if reviewed else None,
                    day + datetime.timedelta(days=14) if status == ExpenseStatus.PAID else None,
                    f"BACS-{n:07d}" if status == ExpenseStatus.PAID else "",
                    created,
                )
                n += 1

    loader.write(
        ExpenseClaim,
        [
            "id",
            "champion",
            "date",
            "category",
            "amount",
            "description",
            "activity",
            "status",
            "staff_message",
            "reviewed_by",
            "reviewed_at",
            "paid_on",
            "payment_reference",
            "created_at",
        ],
        expense_rows(),
    )


def _pages(p: Programme, loader: Loader) -> None:
    """Story and outcome pages under their index pages, with add_child (see module doc)."""
    from taggit.models import Tag
    from wagtail.models import Site

    from champions.choices import ConsentKind
    from champions.models import Consent, ProtectiveFactor
    from cms.choices import OutcomeStatus
    from cms.models import (
        HomePage,
        OutcomeIndexPage,
        OutcomeMeetingLink,
        OutcomePage,
        OutcomeRelatedStory,
        StoryIndexPage,
        StoryPage,
        StoryPageTag,
    )

    rng = random.Random(5)
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    home.title = "Parents' voices shaping local services"
    home.save()
    story_index = home.add_child(
        instance=StoryIndexPage(
            title="Stories",
            slug="stories",
            show_in_menus=True,
            introduction="Parent champions in their own words.",
        )
    )
    outcome_index = home.add_child(
        instance=OutcomeIndexPage(
            title="Outcomes",
            slug="outcomes",
            show_in_menus=True,
            introduction="You said, we did: what changed because parents spoke up.",
        )
    )
    _extra_index_pages(p, home)

    # Half the stories are about a champion, who gives story consent; the rest are not.
    about = [p.champion_ids[(i * 7) % len(p.champion_ids)] for i in range(p.plan.stories)]
    consent_first = loader.first_id(Consent)
    given = p.now - datetime.timedelta(days=100)
    story_champions = sorted({cid for i, cid in enumerate(about) if i % 2 == 0})
    loader.write(
        Consent,
        ["id", "champion", "kind", "given_at", "wording_version"],
        (
            (consent_first + i, cid, ConsentKind.STORY, given, "2026-01")
            for i, cid in enumerate(story_champions)
        ),
    )
    area_of = dict(zip(p.champion_ids, itertools.cycle(p.area_ids), strict=False))
    paragraph = (
        "<p>Champions meet every month with the people who plan local services, bringing "
        "what parents tell them at groups, stalls and online.</p>"
    )
    story_ids = []
    for i in range(p.plan.stories):
        champion_id = about[i] if i % 2 == 0 else None
        published = p.now - datetime.timedelta(days=p.plan.stories - i, hours=i % 24)
        story = StoryPage(
            title=f"{TAGS[i % len(TAGS)].capitalize()}: a champion's story {i + 1}",
            slug=f"story-{i + 1}",
            summary="How one parent's voice changed a local service for families.",
            body=[
                ("paragraph", paragraph),
                ("quote", {"quote": "They listened.", "attribution": "A champion"}),
                ("paragraph", paragraph),
            ],
            champion_id=champion_id,
            area_id=area_of[champion_id] if champion_id else rng.choice(p.area_ids),
            protective_factors=ProtectiveFactor.objects.filter(
                code__in=["connections", "resilience"]
            ),
            live=True,
            first_published_at=published,
            last_published_at=published,
        )
        story_index.add_child(instance=story)
        story_ids.append(story.pk)

    tags = [Tag.objects.get_or_create(name=name, slug=name.replace(" ", "-"))[0] for name in TAGS]
    StoryPageTag.objects.bulk_create(
        [
            StoryPageTag(content_object_id=sid, tag_id=tags[(i + j) % len(tags)].pk)
            for i, sid in enumerate(story_ids)
            for j in range(1 + i % 2)
        ],
        batch_size=2000,
    )

    statuses = list(OutcomeStatus)
    meetings = p.co_production_event_ids or p.event_ids
    quote = {"quote": "Clinics close before I finish work.", "attribution": "A parent"}
    for i in range(p.plan.outcomes):
        status = statuses[i % len(statuses)]
        raised = p.today - datetime.timedelta(days=30 + (i * 3) % 900)
        decided = status != OutcomeStatus.RAISED
        outcome = OutcomePage(
            title=f"Change {i + 1}: evening clinics at the family hub",
            slug=f"outcome-{i + 1}",
            summary="Working parents could not get to daytime baby clinics.",
            parent_voice="Working parents could not get to daytime baby clinics.",
            evidence=[("quote", quote)],
            decision="Agreed to act on what parents said." if decided else "",
            decided_by="Health visiting service board",
            what_changed="<p>A Tuesday evening clinic opened at the family hub.</p>",
            status=status,
            status_reason="The venue is not ours to change."
            if status == OutcomeStatus.NOT_TAKEN_FORWARD
            else "",
            raised_on=raised,
            decided_on=raised + datetime.timedelta(days=60) if decided else None,
            achieved_on=(
                raised + datetime.timedelta(days=120) if status == OutcomeStatus.ACHIEVED else None
            ),
            area_id=p.area_ids[i % len(p.area_ids)],
            protective_factors=ProtectiveFactor.objects.filter(
                code__in=["concrete_support", "knowledge"]
            ),
            live=True,
            first_published_at=p.now - datetime.timedelta(days=p.plan.outcomes - i),
            last_published_at=p.now - datetime.timedelta(days=p.plan.outcomes - i),
        )
        outcome.meeting_links.add(
            OutcomeMeetingLink(
                event_id=meetings[i % len(meetings)],
                public_summary="Parents raised this; the service lead agreed to look at it.",
            )
        )
        outcome.related_stories.add(OutcomeRelatedStory(story_id=story_ids[i % len(story_ids)]))
        if p.parent_voice_item_ids and hasattr(outcome, "voice_items"):
            from cms.models import OutcomeParentVoice

            item = p.parent_voice_item_ids[i % len(p.parent_voice_item_ids)]
            outcome.voice_items.add(OutcomeParentVoice(item_id=item))
        outcome_index.add_child(instance=outcome)
    loader.counts["cms.StoryPage"] = len(story_ids)
    loader.counts["cms.OutcomePage"] = p.plan.outcomes


def _extra_index_pages(p: Programme, home) -> None:
    """Public pages drawn from programme records: upcoming public events and impact figures."""
    from django.apps import apps

    for model_name, title, slug in [
        ("PublicEventsPage", "Events", "whats-on"),
        ("ImpactPage", "Impact", "impact"),
    ]:
        model = apps.get_app_config("cms").models.get(model_name.lower())
        if model is not None:
            home.add_child(instance=model(title=title, slug=slug, show_in_menus=True))


def rows_by_model() -> Iterator[tuple[str, int]]:
    """What is in the database now, for the runner's table."""
    from django.apps import apps

    for label in (
        "champions.Area",
        "champions.Champion",
        "champions.TrainingRecord",
        "events.Event",
        "events.Registration",
        "events.WalkIn",
        "events.MeetingRecord",
        "champions.ActivityLog",
        "champions.ActivityFactor",
        "champions.ExpenseClaim",
        "cms.StoryPage",
        "cms.OutcomePage",
    ):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        yield label, model._default_manager.count()
