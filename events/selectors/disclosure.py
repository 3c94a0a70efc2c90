"""Which counts a public figure may show: small-cell suppression with complementary suppression.

A count of 1 to 4 people is never published (it could identify someone). Hiding it is not
enough when it can be worked out from what is published: the answers to a question that takes
one answer each add up to the question's base, so a lone hidden count is the base minus the
others. We then hide the next smallest counts too, until at least two are hidden and together
they make at least 5 people (hidden counts are at least 1, as a zero is shown: two hidden
counts making 2 would give both away).

Multiple choice is different: people may tick several answers, so the counts add up to at least
the base, not to it. A lone hidden count can then be bounded only from below, by the base minus
the others, and only when the others fall short of the base; in that case (and only then) we
hide the next smallest count as well, so the shortfall is shared by two unknowns.
"""

from collections.abc import Sequence

# Published figures never show a count smaller than this (people could be identified).
SMALLEST_CELL = 5


def is_small(n: int) -> bool:
    """A cell of 1 to 4 people."""
    return 0 < n < SMALLEST_CELL


def withheld_cells(counts: Sequence[int], base: int, *, exclusive: bool) -> set[int]:
    """Indexes of `counts` not to publish. `exclusive` when each person gives one answer (the
    counts add up to `base`); otherwise (multiple choice) they add up to at least `base`."""
    hidden = {i for i, n in enumerate(counts) if is_small(n)}
    if not hidden:
        return hidden
    spare = sorted((n, i) for i, n in enumerate(counts) if n and i not in hidden)
    for _n, i in spare:
        if not _derivable(counts, hidden, base, exclusive=exclusive):
            break
        hidden.add(i)
    return hidden


def _derivable(counts: Sequence[int], hidden: set[int], base: int, *, exclusive: bool) -> bool:
    """Whether a hidden count could be worked out (or pinned to a small range) from the others."""
    hidden_sum = sum(counts[i] for i in hidden)
    if exclusive:
        return len(hidden) < 2 or hidden_sum < SMALLEST_CELL
    published_sum = sum(n for i, n in enumerate(counts) if i not in hidden)
    return len(hidden) < 2 and published_sum < base
