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

The rule is published on the page, so we assume the reader knows it: at least one hidden count
is under 5, and none is larger than the smallest count shown (they are hidden smallest first).
Those bounds, with the sum (or shortfall) above, must leave the smallest hidden count at least
two possible values; if they do not, the next smallest is hidden as well. When even hiding every
count leaves one to be worked out (five answers of 1 each out of 5), the question is not
published at all (`publishable`).

Who skipped a question (all respondents less those who answered) is a count too: the public
page shows a question with 1 to 4 skips as shares of all respondents with "No answer" as one
more cell, suppressed by the same rule (see `QuestionResult.for_publication`).
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


def publishable(counts: Sequence[int], hidden: set[int], base: int, *, exclusive: bool) -> bool:
    """Whether, with `hidden` withheld, no count under 5 can be worked out at all."""
    return not hidden or not _derivable(counts, hidden, base, exclusive=exclusive)


def _derivable(counts: Sequence[int], hidden: set[int], base: int, *, exclusive: bool) -> bool:
    """Whether a hidden count could be worked out (or pinned to a small range) from the others."""
    hidden_sum = sum(counts[i] for i in hidden)
    published_sum = sum(n for i, n in enumerate(counts) if i not in hidden)
    if exclusive:
        if len(hidden) < 2 or hidden_sum < SMALLEST_CELL:
            return True
        return _smallest_pinned(counts, hidden, hidden_sum, high=hidden_sum // len(hidden))
    if len(hidden) < 2 and published_sum < base:
        return True
    return _smallest_pinned(counts, hidden, base - published_sum, high=SMALLEST_CELL - 1)


def _smallest_pinned(counts, hidden: set[int], at_least: int, *, high: int) -> bool:
    """Whether the smallest hidden count has one possible value left, for a reader who knows
    the hidden counts make at least `at_least`, each is at most the smallest count shown and
    the smallest is under 5 (and at most `high`)."""
    shown = [n for i, n in enumerate(counts) if n and i not in hidden]
    ceiling = min(shown, default=max(at_least, 1))
    low = max(1, at_least - (len(hidden) - 1) * ceiling)
    return low >= min(SMALLEST_CELL - 1, high)
