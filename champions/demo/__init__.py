"""Demo content for the champions app, loaded by cms.demo.load_all (make run).

Deterministic: seeded random numbers, dates relative to today. `load_champions` runs before
the events demo, `load_activity` after it (activity logs point at events champions booked).
"""

from .activity import load as load_activity
from .champions import load as load_champions

__all__ = ["load_activity", "load_champions"]
