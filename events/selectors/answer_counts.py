"""A consultation's answer counts: the costly part of its results (every answer row is counted),
kept in the cache under a key that changes whenever the responses counted change.

The key holds the responses' number, highest id and sum of ids (under the filters asked): a new
response raises the highest id, a deleted one lowers the number, and answers are only ever
stored or removed with their response. It also holds each question's id and kind, so a question
added, removed or turned into multiple choice is counted afresh. An entry cannot go stale, so it
only needs to outlive the visits that read it.
"""

from django.core.cache import cache
from django.db.models import Count, Max, Sum

from ..choices import QuestionKind
from ..models import ConsultationAnswer

CACHE_SECONDS = 24 * 60 * 60


def answer_counts(questions, responses, *, filters: str) -> tuple[int, dict, dict]:
    """(respondents, rows per (question id, choice), who answered each question id) for the
    `responses` (already filtered; `filters` names the filters, "" for none)."""
    seen = responses.order_by().aggregate(total=Count("pk"), last=Max("pk"), ids=Sum("pk"))
    if not seen["total"] or not questions:
        return seen["total"], {}, {}
    shape = ",".join(f"{q.pk}:{q.kind}" for q in questions)
    key = "events.consultation.counts:{}:{}:{total}:{last}:{ids}".format(shape, filters, **seen)
    counted = cache.get(key)
    if counted is None:
        answers = ConsultationAnswer.objects.filter(question_id__in=[q.pk for q in questions])
        if filters:
            answers = answers.filter(response__in=responses.values("pk"))
        counted = _counts_and_bases(questions, answers)
        cache.set(key, counted, CACHE_SECONDS)
    return seen["total"], *counted


def _counts_and_bases(questions, answers) -> tuple[dict, dict]:
    """Rows per (question, answer) in one grouped query, and who answered each question.

    A one-answer question stores one row per person who answered it (free text: one row with
    no choice), so its base is the sum of its rows; only multiple choice, a row per option
    ticked, needs the second (distinct) count, and only over its own rows."""
    counts, bases = {}, {}
    multiple = [q.pk for q in questions if q.kind == QuestionKind.MULTIPLE]
    grouped = answers.values("question_id", "choice").annotate(n=Count("*")).order_by()
    for question_id, choice, n in grouped.values_list("question_id", "choice", "n"):
        counts[question_id, choice] = n
        if question_id not in multiple:
            bases[question_id] = bases.get(question_id, 0) + n
    if multiple:
        distinct = (
            answers.filter(question_id__in=multiple)
            .values("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .order_by()
        )
        bases.update(distinct.values_list("question_id", "n"))
    return counts, bases
