"""Writes for consultations: a response stored once with its answers, the rate limit on public
answering, and staff tagging of free-text answers."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from champions.models import Area

from ..choices import OTHER, QuestionKind, ResponseChannel
from ..models import (
    Consultation,
    ConsultationAnswer,
    ConsultationResponse,
)

# Online answers from one address: at most settings.CONSULTATION_RATE_LIMIT in RATE_WINDOW
# seconds, counted in the shared cache.
RATE_WINDOW = 600


@dataclass(frozen=True)
class AnswerData:
    """What someone answered to one question: chosen values, and text (free text or "other")."""

    question_id: int
    choices: tuple[str, ...] = ()
    text: str = ""
    other: str = field(default="")


def consultation_rate_limited(*, consultation: Consultation, client: str) -> bool:
    """Counts one online submission from `client`; True when it is over the limit."""
    key = f"events:consultation:{consultation.pk}:rate:{client}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this is the first of a new window.
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > settings.CONSULTATION_RATE_LIMIT


def _answer_rows(response, question, data: AnswerData, areas_by_slug) -> list:
    rows = []
    if question.kind == QuestionKind.FREE_TEXT:
        if data.text.strip():
            rows.append(ConsultationAnswer(response=response, question=question, text=data.text))
        return rows
    for value in data.choices:
        text = data.other.strip() if value == OTHER else ""
        rows.append(
            ConsultationAnswer(response=response, question=question, choice=value, text=text)
        )
        if question.kind == QuestionKind.AREA and value in areas_by_slug:
            response.area = areas_by_slug[value]
    return rows


@transaction.atomic
def consultation_response_submit(
    *,
    consultation: Consultation,
    answers: list[AnswerData],
    channel: str = ResponseChannel.ONLINE,
    entered_by=None,
    where: str = "",
    event=None,
    area=None,
    now=None,
) -> ConsultationResponse:
    """Stores one response and its answers, once; refused when the consultation is closed."""
    now = now or timezone.now()
    if not consultation.is_open(now):
        raise ValidationError("This consultation is closed: it no longer takes answers.")
    questions = {q.pk: q for q in consultation.questions.all()}
    response = ConsultationResponse(
        consultation=consultation,
        channel=channel,
        entered_by=entered_by,
        where=where,
        event=event,
        area=area,
        submitted_at=now,
    )
    areas_by_slug = {a.slug: a for a in Area.objects.all()}
    rows = []
    for data in answers:
        if data.question_id in questions:
            rows += _answer_rows(response, questions[data.question_id], data, areas_by_slug)
    response.save()
    for row in rows:
        row.response = response
    ConsultationAnswer.objects.bulk_create(rows)
    return response


@transaction.atomic
def consultation_answer_tag(
    *, answer: ConsultationAnswer, theme: str, factors, approved: bool
) -> ConsultationAnswer:
    """Staff tag a free-text answer with a theme and factors and say whether it may be quoted."""
    answer.theme = theme.strip()
    answer.approved_for_publication = approved
    answer.save(update_fields=["theme", "approved_for_publication"])
    answer.protective_factors.set(factors)
    return answer
