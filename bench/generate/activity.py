"""Activity logs (hours, reach, protective factors) and expense claims.

Active champions log the most, people still in training a little, enquiries nothing; within a
stage it varies, so some champions have far more rows than others.
"""

import datetime
import itertools
import random
from decimal import Decimal

from champions.choices import (
    ActivityKind,
    ActivityStatus,
    ExpenseCategory,
    ExpenseStatus,
    ProtectiveFactorCode,
)
from champions.models import ActivityFactor, ActivityLog, ExpenseClaim
from champions.services.report_summary import activity_summary_rebuild

from .draw import Bands, weighted_spread
from .loader import Loader
from .plan import Programme

ACTIVITY_WEIGHT = {"active": 1.0, "paused": 0.6, "alumni": 0.6, "in_training": 0.3}
ACTIVITY_STATUS = Bands(
    [
        (0.8, ActivityStatus.APPROVED),
        (0.9, ActivityStatus.SUBMITTED),
        (0.95, ActivityStatus.QUERIED),
    ],
    ActivityStatus.REJECTED,
)
EXPENSE_STATUS = Bands(
    [(0.6, ExpenseStatus.PAID), (0.75, ExpenseStatus.APPROVED), (0.9, ExpenseStatus.SUBMITTED)],
    ExpenseStatus.REJECTED,
)
KINDS = list(ActivityKind)
FACTORS = list(ProtectiveFactorCode)
CATEGORIES = list(ExpenseCategory)
DESCRIPTIONS = [
    "Ran the welcome table at the family hub and talked to parents about the programme.",
    "Joined the health visiting co-production meeting and shared what parents told us.",
    "Peer support call with a parent who is new to the area.",
    "Stall at the summer fair: signed parents up to the consultation.",
    "Research panel on the children's centre timetable.",
]
LOG_FIELDS = [
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
]
EXPENSE_FIELDS = [
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
]


def activity_and_expenses(p: Programme, loader: Loader) -> None:
    """Logs with their factors, then claims, drawn from one random stream in that order."""
    rng = random.Random(6)
    weights = [
        ACTIVITY_WEIGHT.get(stage, 0) * (0.2 + (c * 7919 % 100) / 50)
        for c, stage in enumerate(p.champion_stage)
    ]
    if not any(weights):
        weights = [1.0] * len(weights)
    ids, logs = _logs(p, loader, rng, weighted_spread(p.plan.activity_logs, weights))
    _factors(loader, ids)
    _expenses(p, loader, rng, weighted_spread(p.plan.expense_claims, weights), logs)
    # Logs and factors went in by COPY (or bulk_create), which no receiver sees: the funder
    # reports' activity summary is counted from them once, as after any such write.
    activity_summary_rebuild()


def _logs(p: Programme, loader: Loader, rng: random.Random, per_champion):
    """Writes the logs; returns their ids, and each champion's."""
    past_events = [e for e, start in zip(p.event_ids, p.event_start, strict=True) if start < p.now]

    def rows():
        for c, count in enumerate(per_champion):
            for _ in range(count):
                yield _log_row(p, rng, p.champion_ids[c], past_events)

    ids = loader.add(ActivityLog, LOG_FIELDS, rows())
    starts = itertools.accumulate(per_champion, initial=ids.start)
    return ids, [range(start, start + n) for start, n in zip(starts, per_champion, strict=False)]


def _log_row(p: Programme, rng: random.Random, champion: int, past_events: list[int]) -> tuple:
    day = p.today - datetime.timedelta(days=1 + rng.randrange(3 * 365))
    roll = rng.random()
    status = ACTIVITY_STATUS(roll)
    created = p.at(day, 20) + datetime.timedelta(days=rng.randrange(3))
    return (
        champion,
        day,
        KINDS[rng.randrange(len(KINDS))],
        Decimal(1 + rng.randrange(20)) / 4,
        past_events[rng.randrange(len(past_events))] if past_events and roll < 0.3 else None,
        rng.randrange(40) if roll < 0.7 else None,
        DESCRIPTIONS[rng.randrange(len(DESCRIPTIONS))],
        status,
        "Which event was this?" if status == ActivityStatus.QUERIED else "",
        *_review(p, status != ActivityStatus.SUBMITTED, created + datetime.timedelta(days=2)),
        created,
    )


def _factors(loader: Loader, log_ids: range) -> None:
    """One or two factors per log, derived from its id so that nothing is held in memory."""
    rows = ((pk, FACTORS[(pk * 7 + k) % len(FACTORS)]) for pk in log_ids for k in range(1 + pk % 2))
    loader.add(ActivityFactor, ["activity", "factor"], rows)


def _expenses(p: Programme, loader: Loader, rng: random.Random, per_champion, logs) -> None:
    """Claims, each for one of the champion's own logs (when they have any)."""

    def rows():
        n = 0
        for c, count in enumerate(per_champion):
            for _ in range(count):
                yield _expense_row(p, rng, n, p.champion_ids[c], logs[c])
                n += 1

    loader.add(ExpenseClaim, EXPENSE_FIELDS, rows())


def _expense_row(p: Programme, rng: random.Random, n: int, champion: int, logs: range) -> tuple:
    day = p.today - datetime.timedelta(days=1 + rng.randrange(3 * 365))
    status = EXPENSE_STATUS(rng.random())
    created = p.at(day, 21)
    category = CATEGORIES[rng.randrange(len(CATEGORIES))]
    paid = status == ExpenseStatus.PAID
    return (
        champion,
        day,
        category,
        Decimal(150 + rng.randrange(3500)) / 100,
        f"{category.label} for a programme activity",
        logs[rng.randrange(len(logs))] if logs else None,
        status,
        "Not a programme cost." if status == ExpenseStatus.REJECTED else "",
        *_review(p, status != ExpenseStatus.SUBMITTED, created + datetime.timedelta(days=3)),
        day + datetime.timedelta(days=14) if paid else None,
        f"BACS-{n:07d}" if paid else "",
        created,
    )


def _review(p: Programme, reviewed: bool, at: datetime.datetime) -> tuple:
    """(reviewed by, reviewed at): the coordinator, unless it still waits for review."""
    return (p.coordinator_id, at) if reviewed else (None, None)
