"""A closed family survey with one response per 10 champions' worth of parents (100,000 at
N=1), answered online and on paper, and an open survey for the concurrent-respondents run."""

import datetime

from events.choices import AGE_BANDS, QuestionKind, ResponseChannel
from events.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationResponse,
)

from .loader import Loader
from .plan import Programme

SURVEY_SLUG = "bench-family-survey"
OPEN_SLUG = "bench-open-survey"
SMALL_SLUG = "bench-small-survey"
SMALL_RESPONSES = 10
HELPS = ["Mental health support", "Childcare", "Evening clinics", "Places to meet", "Money"]
QUESTIONS = [
    (QuestionKind.SINGLE, "What would help most?", "\n".join(HELPS), True),
    (QuestionKind.MULTIPLE, "Where do you get advice?", "Health visitor\nHub\nFriends\nGP", True),
    (QuestionKind.RATING, "How easy is it to get to a clinic?", "", True),
    (QuestionKind.YES_NO, "Have you been to a family hub?", "", True),
    (QuestionKind.FREE_TEXT, "Anything else?", "", False),
    (QuestionKind.AGE_BAND, "How old is your youngest child?", "", False),
]
CHANNELS = [ResponseChannel.ONLINE] * 7 + [ResponseChannel.PAPER] * 3


def consultations(p: Programme, loader: Loader) -> None:
    """The big closed survey, a small one of the same shape (the query-count comparison) and
    an open one for the respondents."""
    now = p.now
    closed = now - _days(120), now - _days(30)
    fields = ["title", "slug", "purpose", "audience", "opens_at", "closes_at"]
    survey, small, open_survey = loader.add(
        Consultation,
        fields,
        [
            ("Bench family survey", SURVEY_SLUG, "Bench.", "Parents", *closed),
            ("Bench small survey", SMALL_SLUG, "Bench.", "Parents", *closed),
            ("Bench open survey", OPEN_SLUG, "Bench.", "Parents", now - _days(1), now + _days(60)),
        ],
    )
    rows = [
        (consultation, k, kind, text, options, pub)
        for consultation in (survey, small)
        for k, (kind, text, options, pub) in enumerate(QUESTIONS)
    ]
    rows.append(
        (open_survey, 0, QuestionKind.SINGLE, "What would help most?", "\n".join(HELPS), False)
    )
    fields = ["consultation", "sort_order", "kind", "text", "options", "published"]
    question_ids = list(loader.add(ConsultationQuestion, fields, rows))
    size = len(QUESTIONS)
    for consultation, n, questions in (
        (survey, p.plan.consultation_responses, question_ids[:size]),
        (small, SMALL_RESPONSES, question_ids[size : 2 * size]),
    ):
        response_ids = _responses(p, loader, consultation, n)
        loader.add(
            ConsultationAnswer,
            ["response", "question", "choice", "text"],
            _answers(response_ids, questions),
        )


def _responses(p: Programme, loader: Loader, consultation: int, n: int) -> range:
    areas, start = p.area_ids, p.now - _days(120)

    def rows():
        for i in range(n):
            channel = CHANNELS[i % len(CHANNELS)]
            champion = p.champion_ids[i % len(p.champion_ids)] if channel == "paper" else None
            area = areas[(i * 7) % len(areas)] if areas else None
            yield consultation, channel, champion, area, start + datetime.timedelta(minutes=i)

    fields = ["consultation", "channel", "entered_by", "area", "submitted_at"]
    return loader.add(ConsultationResponse, fields, rows())


def _answers(response_ids, q):
    for i, response in enumerate(response_ids):
        yield response, q[0], HELPS[(i * 3) % 7 % len(HELPS)], ""
        for k, advice in enumerate(["Health visitor", "Hub", "Friends"]):
            if (i + k) % 3:
                yield response, q[1], advice, ""
        if i % 8:  # one in eight skips the rating
            yield response, q[2], str(i % 5 + 1), ""
        yield response, q[3], "yes" if i % 3 else "no", ""
        if i % 5 == 0:
            yield response, q[4], "", "Evening clinics would help working parents."
        yield response, q[5], AGE_BANDS[i % len(AGE_BANDS)], ""


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)
