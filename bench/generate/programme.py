"""Fill an empty database with the whole programme, one step at a time, in one transaction."""

import time
from collections.abc import Callable, Iterator

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from cms.cache import public_cache_clear

from . import activity, consultations, events, meetings, pages, people, training
from .loader import Loader
from .plan import Plan, Programme

# Each step may use what the steps before it left on the Programme.
STEPS: list[tuple[str, Callable[[Programme, Loader], None]]] = [
    ("areas", people.areas),
    ("training modules", training.modules),
    ("users", people.users),
    ("champions", people.champions),
    ("checks", people.checks),
    ("consents", people.consents),
    ("training records", training.records),
    ("events", events.events),
    ("registrations", events.registrations),
    ("walk-ins", events.walk_ins),
    ("meeting records", meetings.meeting_records),
    ("activity logs and expenses", activity.activity_and_expenses),
    ("consultations", consultations.consultations),
    ("public pages", pages.pages),
]
# The runner's table of what is in the database.
COUNTED = [
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
    "events.ConsultationResponse",
    "events.ConsultationAnswer",
]


class NotEmpty(Exception):
    """The database already holds a programme; the generator fills only an empty one."""


def generate(
    *,
    scale: float,
    today=None,
    log: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Fill an empty database; returns rows written per model label."""
    if people.programme_exists():
        raise NotEmpty(
            "The database already holds champions: bench_data fills an empty database only. "
            "Drop and recreate it (bench/run.py does) and run it again."
        )
    plan = Plan.for_scale(scale)
    now = timezone.now()
    programme = Programme(plan=plan, today=today or timezone.localdate(), now=now)
    loader = Loader()
    with transaction.atomic():
        for name, step in STEPS:
            started = time.perf_counter()
            step(programme, loader)
            programme.timings[name] = time.perf_counter() - started
            log(f"  {name}: {programme.timings[name]:.1f} s")
        loader.reset_sequences()
    public_cache_clear()
    return loader.counts


def rows_by_model() -> Iterator[tuple[str, int]]:
    """What is in the database now, for the runner's table."""
    for label in COUNTED:
        yield label, apps.get_model(label)._default_manager.count()
