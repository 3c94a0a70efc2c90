"""The training catalogue and each champion's training records."""

import datetime
import random
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from champions.choices import TrainingCategory, TrainingStatus
from champions.models import TrainingModule, TrainingRecord

from .draw import spread
from .loader import Loader
from .plan import Programme

CATALOGUE = [
    ("Core induction", TrainingCategory.CORE, "3", True, None),
    ("Safeguarding children and adults", TrainingCategory.SAFEGUARDING, "3", True, 36),
    ("Confidentiality and data protection", TrainingCategory.DATA_PROTECTION, "2", True, 24),
    ("Co-production in practice", TrainingCategory.CO_PRODUCTION, "2.5", True, None),
]
SPECIALIST_TOPICS = 20
MODULE_FIELDS = [
    "title",
    "category",
    "hours",
    "required_for_activation",
    "validity_months",
    "display_order",
]
RECORD_FIELDS = ["champion", "module", "status", "completed_on", "expires_on", "verified_by"]
TRAINED_STAGES = ("active", "paused", "alumni")


def modules(p: Programme, loader: Loader) -> None:
    """The required modules and a range of specialist topics."""
    categories = list(TrainingCategory)
    catalogue = CATALOGUE + [
        (f"Specialist topic {i + 1}", categories[i % len(categories)], "1.5", False, None)
        for i in range(SPECIALIST_TOPICS)
    ]
    rows = (
        (title, category, Decimal(hours), required, valid, i)
        for i, (title, category, hours, required, valid) in enumerate(catalogue)
    )
    p.module_ids = list(loader.add(TrainingModule, MODULE_FIELDS, rows))


def records(p: Programme, loader: Loader) -> None:
    """Up to one record per module and champion: the required modules first. Champions who
    are or were active have completed the required ones."""
    rng = random.Random(2)
    catalogue = list(TrainingModule.objects.filter(pk__in=p.module_ids).order_by("display_order"))
    required = [m for m in catalogue if m.required_for_activation]
    optional = [m for m in catalogue if not m.required_for_activation]
    per_champion = spread(p.plan.training_records, p.plan.champions, len(catalogue))

    def rows():
        for c, count in enumerate(per_champion):
            shift = c % len(optional)
            chosen = (required + optional[shift:] + optional[:shift])[:count]
            trained = p.champion_stage[c] in TRAINED_STAGES
            for module in chosen:
                status, completed = _progress(p.today, rng, module, trained)
                expires = (
                    completed + relativedelta(months=module.validity_months)
                    if completed and module.validity_months
                    else None
                )
                by = p.coordinator_id if completed else None
                yield (p.champion_ids[c], module.pk, status, completed, expires, by)

    loader.add(TrainingRecord, RECORD_FIELDS, rows())


def _progress(today: datetime.date, rng: random.Random, module, trained: bool):
    """(status, completed on) of one champion's record for one module."""
    roll = rng.random()
    if trained and (module.required_for_activation or roll < 0.6):
        return TrainingStatus.COMPLETED, today - datetime.timedelta(days=10 + rng.randrange(1000))
    if roll < 0.8:
        return TrainingStatus.ATTENDED, None
    return TrainingStatus.ENROLLED, None
