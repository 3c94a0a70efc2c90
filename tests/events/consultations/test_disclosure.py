"""Public results never give away a count of 1 to 4 people: not shown directly, and not
workable out from the counts and bases that are shown (complementary suppression)."""

import re

import pytest
from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st

from events.choices import OTHER
from events.selectors.disclosure import SMALLEST_CELL, publishable, withheld_cells
from tests.factories.events import (
    ConsultationAnswerFactory,
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
)

ROW = re.compile(r'<th scope="row">([^<]*)</th>\s*<td>([^<]*)</td>')


def _publish(client, answers: list[list[str]], skipped: int = 0, **question) -> dict[str, str]:
    """A closed consultation with one published question answered as given (a list of choices
    per respondent; `skipped` more respondents left it out); returns the public results page's
    cells by answer label."""
    return _cells(_page(client, answers, skipped, **question))


def _page(client, answers: list[list[str]], skipped: int = 0, **question) -> str:
    consultation = ConsultationFactory(closed=True)
    asked = ConsultationQuestionFactory(consultation=consultation, published=True, **question)
    for choices in answers:
        response = ConsultationResponseFactory(consultation=consultation)
        for choice in choices:
            ConsultationAnswerFactory(response=response, question=asked, choice=choice)
    ConsultationResponseFactory.create_batch(skipped, consultation=consultation)
    page = reverse("consultations:results", args=[consultation.slug])
    return client.get(page).content.decode()


def _cells(html: str) -> dict[str, str]:
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


def _possible(value, others: int, total: int, ceiling: int, *, exact: bool) -> bool:
    """Whether one hidden count may be `value` for a reader who knows the rule: `others` more
    hidden counts, each 1 to `ceiling` (none exceeds the smallest shown), with it make `total`
    (at least `total` when not `exact`), and the smallest hidden count is under 5."""
    rest = total - value
    if others == 0:
        return value < SMALLEST_CELL and (rest == 0 if exact else rest <= 0)
    most = (
        others * ceiling if value < SMALLEST_CELL else (SMALLEST_CELL - 1) + (others - 1) * ceiling
    )
    return rest <= most and (rest >= others or not exact)


def _reader_values(counts, hidden, base, *, exclusive) -> set[int]:
    """The values a reader who knows the rule cannot rule out for any one hidden count (the
    same for each: the bounds treat them alike)."""
    shown = [n for i, n in enumerate(counts) if i not in hidden]
    total = base - sum(shown)
    ceiling = min([n for n in shown if n], default=max(base, 1))
    others = len(hidden) - 1
    return {
        v for v in range(1, ceiling + 1) if _possible(v, others, total, ceiling, exact=exclusive)
    }


def _assert_nothing_small_pinned(counts, base, *, exclusive):
    hidden = sorted(withheld_cells(counts, base, exclusive=exclusive))
    assert not any(0 < counts[i] < SMALLEST_CELL for i in set(range(len(counts))) - set(hidden))
    if not hidden or not publishable(counts, set(hidden), base, exclusive=exclusive):
        return  # nothing hidden, or the question is left out of the public page
    values = _reader_values(counts, set(hidden), base, exclusive=exclusive)
    # The true counts are possible; no hidden count is pinned to a value under 5.
    assert {counts[i] for i in hidden} <= values
    assert len(values) > 1 or min(values) >= SMALLEST_CELL, (counts, hidden, values)


@given(st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=5))
def test_no_hidden_count_of_a_one_answer_question_can_be_worked_out(counts):
    base = sum(counts)
    # A question fewer than 5 answered is left out of the public results altogether.
    assume(base >= SMALLEST_CELL)
    _assert_nothing_small_pinned(counts, base, exclusive=True)


def test_a_reader_who_knows_the_rule_cannot_pin_the_small_count_through_the_next_smallest():
    # Hiding the 4 and one 9 would leave 13 hidden with neither above 9 (the smallest shown):
    # the small one would have to be 4. The other 9 is hidden as well.
    assert withheld_cells([4, 9, 9, 78], 100, exclusive=True) == {0, 1, 2}
    # Multiple choice, one answer each: 4 + 6 hidden must make 10, neither above 6.
    assert withheld_cells([4, 6, 6], 16, exclusive=False) == {0, 1, 2}


@pytest.mark.django_db
def test_a_question_whose_every_count_could_be_worked_out_is_left_out(client):
    # Five people, five different ratings: hiding every count still leaves each one 1.
    html = _page(client, [[str(n)] for n in range(1, 6)], kind="rating", options="")
    assert "There are no results to show yet." in html and not _cells(html)
    assert not publishable([1] * 5, set(range(5)), 5, exclusive=True)


@pytest.mark.django_db
def test_fewer_than_5_skipping_shows_shares_of_everyone_and_hides_no_answer(client):
    # 20 took part, 3 skipped: "17 answered" would give the 3 away (20 - 17).
    html = _page(
        client, _people(Childcare=10, **{"Places to meet": 7}), skipped=3, text="What helps?"
    )
    cells = _cells(html)
    assert cells["No answer"] == "Not shown"
    # 3 alone would be 20 - 10 - 7 - 0: the next smallest (7) is hidden with it.
    assert cells["Places to meet"] == "Not shown"
    assert cells["Childcare"] == "50% (10 of 20)"
    assert cells["Mental health support"] == "0% (0 of 20)"
    assert "All but fewer than 5 of the 20 people answered this question." in html
    assert "17" not in html


@pytest.mark.django_db
def test_5_or_more_skipping_shows_the_base_and_how_many_skipped(client):
    html = _page(client, _people(Childcare=10, **{"Places to meet": 7}), skipped=5)
    assert "17 people answered this question; 5 did not." in html
    assert _cells(html)["Childcare"] == "59% (10 of 17)"
    assert "No answer" not in _cells(html)


@pytest.mark.django_db
def test_multiple_choice_with_fewer_than_5_skipping_hides_no_answer_and_the_shortfall(client):
    # 12 took part, 2 skipped; of the 10 who answered, 6 ticked childcare and 8 places to
    # meet. 6 + 8 exceed everyone, so the 2 "No answer" cannot be bounded: it alone is hidden.
    answers = [["Childcare", "Places to meet"]] * 4 + [["Childcare"]] * 2 + [["Places to meet"]] * 4
    cells = _publish(client, answers, skipped=2, kind="multiple", allow_other=True)
    assert cells["No answer"] == "Not shown"
    assert cells["Childcare"] == "50% (6 of 12)" and cells["Places to meet"] == "67% (8 of 12)"


@pytest.mark.django_db
def test_multiple_choice_no_answer_that_could_be_bounded_hides_another(client):
    # 12 took part, 2 skipped, the 10 others all ticked childcare only. Everyone either
    # skipped or ticked something, so with 10 of 12 shown "No answer" would be at least 2,
    # and at most 4: the 10 is hidden as well.
    cells = _publish(client, _people(Childcare=10), skipped=2, kind="multiple", allow_other=True)
    assert cells["No answer"] == cells["Childcare"] == "Not shown"
    assert cells["Places to meet"] == "0% (0 of 12)"


@pytest.mark.django_db
def test_multiple_choice_two_hidden_with_room_between_them_stay_two(client):
    # 2 skipped; 6 ticked childcare, 4 places to meet. The hidden 4 and 2 must make at least
    # 12 - 6 = 6 with neither above 6: (1, 5), (2, 4), (3, 3)... nothing is pinned.
    cells = _publish(
        client,
        _people(Childcare=6, **{"Places to meet": 4}),
        skipped=2,
        kind="multiple",
        allow_other=True,
    )
    assert cells["No answer"] == cells["Places to meet"] == "Not shown"
    assert cells["Childcare"] == "50% (6 of 12)"


@pytest.mark.django_db
def test_free_text_with_fewer_than_5_skipping_does_not_give_its_base(client):
    consultation = ConsultationFactory(closed=True)
    asked = ConsultationQuestionFactory(consultation=consultation, published=True, free_text=True)
    for i in range(8):
        response = ConsultationResponseFactory(consultation=consultation)
        ConsultationAnswerFactory(response=response, question=asked, choice="", text=f"Idea {i}")
    ConsultationResponseFactory.create_batch(2, consultation=consultation)
    html = client.get(reverse("consultations:results", args=[consultation.slug])).content.decode()
    assert "All but fewer than 5 of the 10 people answered this question." in html
    assert "8 people" not in html


@given(
    st.lists(st.integers(min_value=0, max_value=10), min_size=2, max_size=5),
    st.integers(min_value=1, max_value=10),
)
def test_no_lone_hidden_count_of_a_multiple_choice_question_is_pinned(counts, base):
    base = max(base, max(counts), SMALLEST_CELL)
    # Everyone who answered chose at least one answer.
    assume(sum(counts) >= base)
    _assert_nothing_small_pinned(counts, base, exclusive=False)
