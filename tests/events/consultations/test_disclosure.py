"""Public results never give away a count of 1 to 4 people: not shown directly, and not
workable out from the counts and bases that are shown (complementary suppression)."""

import itertools
import re

import pytest
from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st

from events.choices import OTHER
from events.selectors.disclosure import SMALLEST_CELL, withheld_cells
from tests.factories.events import (
    ConsultationAnswerFactory,
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
)

ROW = re.compile(r'<th scope="row">([^<]*)</th>\s*<td>([^<]*)</td>')


def _publish(client, answers: list[list[str]], **question) -> dict[str, str]:
    """A closed consultation with one published question answered as given (a list of choices
    per respondent); returns the public results page's cells by answer label."""
    consultation = ConsultationFactory(closed=True)
    asked = ConsultationQuestionFactory(consultation=consultation, published=True, **question)
    for choices in answers:
        response = ConsultationResponseFactory(consultation=consultation)
        for choice in choices:
            ConsultationAnswerFactory(response=response, question=asked, choice=choice)
    page = reverse("consultations:results", args=[consultation.slug])
    html = client.get(page).content.decode()
    return dict(ROW.findall(html))


def _people(**counts) -> list[list[str]]:
    return [[choice] for choice, n in counts.items() for _ in range(n)]


@pytest.mark.django_db
def test_single_choice_hides_the_next_smallest_count_beside_a_small_one(client):
    cells = _publish(
        client, _people(**{"Childcare": 20, "Places to meet": 6, "Mental health support": 3})
    )
    assert cells["Mental health support"] == "Not shown"
    # With only the 3 hidden it would be 29 - 20 - 6; so the 6 is hidden too.
    assert cells["Places to meet"] == "Not shown"
    assert cells["Childcare"] == "69% (20 of 29)"


@pytest.mark.django_db
def test_single_choice_with_only_two_answers_given_hides_both(client):
    cells = _publish(client, _people(Childcare=9, **{"Places to meet": 3}))
    assert cells == {
        "Mental health support": "0% (0 of 12)",
        "Places to meet": "Not shown",
        "Childcare": "Not shown",
    }


@pytest.mark.django_db
def test_two_small_counts_hidden_together_are_joined_by_a_third(client):
    # 1 and 2 hidden together make 3: each would be known to be 1 or 2 (a 1 and a 2), so the
    # next smallest (8) is hidden with them.
    cells = _publish(
        client,
        _people(**{"Childcare": 20, "Places to meet": 1, "Mental health support": 2, "other": 8}),
        allow_other=True,
    )
    assert cells["Places to meet"] == cells["Mental health support"] == "Not shown"
    assert cells["Other"] == "Not shown"
    assert cells["Childcare"] == "65% (20 of 31)"


@pytest.mark.django_db
def test_yes_no_with_one_side_under_5_shows_neither(client):
    cells = _publish(client, _people(yes=15, no=3), kind="yes_no", options="")
    assert cells == {"Yes": "Not shown", "No": "Not shown"}


@pytest.mark.django_db
def test_yes_no_with_both_sides_5_or_more_shows_both(client):
    cells = _publish(client, _people(yes=15, no=5), kind="yes_no", options="")
    assert cells == {"Yes": "75% (15 of 20)", "No": "25% (5 of 20)"}


@pytest.mark.django_db
def test_rating_scale_hides_a_small_point_and_the_next_smallest(client):
    cells = _publish(
        client, _people(**{"2": 2, "3": 6, "4": 10, "5": 12}), kind="rating", options=""
    )
    assert cells["1: Very poor"] == "0% (0 of 30)"
    assert cells["2"] == cells["3"] == "Not shown"
    assert cells["4"] == "33% (10 of 30)"
    assert cells["5: Very good"] == "40% (12 of 30)"


@pytest.mark.django_db
def test_multiple_choice_summing_over_the_base_hides_only_the_small_count(client):
    # 10 people: all chose childcare, 8 also places to meet, 3 also "other". The shown counts
    # (10 + 8) already exceed the 10 who answered, so the 3 cannot be worked out.
    answers = [["Childcare", "Places to meet"]] * 8 + [["Childcare"]] * 2
    answers = [a + ([OTHER] if i < 3 else []) for i, a in enumerate(answers)]
    cells = _publish(client, answers, kind="multiple", allow_other=True)
    assert cells["Other"] == "Not shown"
    assert cells["Childcare"] == "100% (10 of 10)"
    assert cells["Places to meet"] == "80% (8 of 10)"
    assert cells["Mental health support"] == "0% (0 of 10)"


@pytest.mark.django_db
def test_multiple_choice_falling_short_of_the_base_hides_another(client):
    # 10 people each chose one answer: 6 and 4. Everyone chose at least one, so with the 4
    # hidden it would be at least 10 - 6 = 4, and at most 4: worked out. The 6 is hidden too.
    cells = _publish(
        client, _people(Childcare=6, **{"Places to meet": 4}), kind="multiple", allow_other=True
    )
    assert cells["Places to meet"] == cells["Childcare"] == "Not shown"
    assert cells["Mental health support"] == "0% (0 of 10)"


@pytest.mark.django_db
def test_about_you_counts_are_suppressed_the_same_way(client):
    cells = _publish(client, _people(**{"Under 1": 8, "1 to 2": 4}), kind="age_band", options="")
    assert cells["Under 1"] == cells["1 to 2"] == "Not shown"
    assert cells["Expecting"] == "0% (0 of 12)"


def _feasible(n_hidden, hidden_sum):
    """Every way n_hidden counts of at least 1 can add up to hidden_sum."""
    return [
        combo
        for combo in itertools.product(range(1, hidden_sum + 1), repeat=n_hidden)
        if sum(combo) == hidden_sum
    ]


@given(st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=5))
def test_no_hidden_count_of_a_one_answer_question_can_be_worked_out(counts):
    base = sum(counts)
    # A question fewer than 5 answered is left out of the public results altogether.
    assume(base >= SMALLEST_CELL)
    hidden = sorted(withheld_cells(counts, base, exclusive=True))
    assert not any(0 < counts[i] < SMALLEST_CELL for i in set(range(len(counts))) - set(hidden))
    if not hidden:
        return
    # A reader knows the base, the shown counts, and that a hidden count is at least 1.
    hidden_sum = base - sum(n for i, n in enumerate(counts) if i not in hidden)
    ways = _feasible(len(hidden), hidden_sum)
    for position in range(len(hidden)):
        assert len({way[position] for way in ways}) > 1


@given(
    st.lists(st.integers(min_value=0, max_value=10), min_size=2, max_size=5),
    st.integers(min_value=1, max_value=10),
)
def test_no_lone_hidden_count_of_a_multiple_choice_question_is_pinned(counts, base):
    base = max(base, max(counts), SMALLEST_CELL)
    # Everyone who answered chose at least one answer.
    assume(sum(counts) >= base)
    hidden = withheld_cells(counts, base, exclusive=False)
    assert not any(0 < n < SMALLEST_CELL for i, n in enumerate(counts) if i not in hidden)
    if len(hidden) == 1:
        # A lone hidden count is 1 to 4, and at least the base less the counts shown.
        shown = sum(n for i, n in enumerate(counts) if i not in hidden)
        assert set(range(max(1, base - shown), SMALLEST_CELL)) == set(range(1, SMALLEST_CELL))
