"""Deterministic shares and choices: whole-number spreads and bands of a seeded roll."""

import bisect
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


def spread(total: int, parts: int, cap: int) -> list[int]:
    """`total` split into `parts` near-equal whole numbers, none above `cap`."""
    if parts <= 0:
        return []
    base, extra = divmod(total, parts)
    return [min(cap, base + (1 if i < extra else 0)) for i in range(parts)]


def weighted_spread(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole numbers that add up to `total`."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    counts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: counts[i] - raw[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class Bands(Generic[T]):
    """Picks a value by where a roll in [0, 1) falls: below the first bound the first value,
    and so on; at or above the last bound, `otherwise`."""

    def __init__(self, bands: Sequence[tuple[float, T]], otherwise: T):
        self.bounds = [bound for bound, _ in bands]
        self.values = [value for _, value in bands] + [otherwise]

    def __call__(self, roll: float) -> T:
        return self.values[bisect.bisect_right(self.bounds, roll)]
