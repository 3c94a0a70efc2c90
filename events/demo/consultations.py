"""Demo parent voice beyond meetings: a closed family survey of 220 responses (online and on
paper from several champions), an open survey a visitor can answer, mapping-session points."""

import datetime

from django.utils import timezone

from champions.choices import ProtectiveFactorCode as PF
from champions.models import Area, ProtectiveFactor

from ..choices import AGE_BANDS, OTHER, QuestionKind, ResponseChannel
from ..models import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    MeetingRecord,
    ParentVoiceItem,
)
from ..services.consultations import AnswerData, consultation_response_submit

FAMILY_SURVEY = "family-survey-2026"
HELPS = [
    ("Mother and baby mental health support", 36),
    ("Childcare I can afford", 24),
    ("Health visitor appointments after work", 18),
    ("Places to meet other parents", 14),
    ("Help with money and benefits", 8),
]
ADVICE = ["Health visitor", "Family hub", "Friends and family", "Online forums", "GP"]
THEMES = [
    (
        "Evening and weekend clinics would let working parents come.",
        "Clinic times",
        PF.CONCRETE_SUPPORT,
    ),
    ("I felt very alone after my baby was born.", "Feeling isolated", PF.CONNECTIONS),
    ("The bus to the hub takes an hour with a buggy.", "Getting there", PF.CONCRETE_SUPPORT),
    ("More groups for dads, please.", "Dads' groups", PF.CONNECTIONS),
]
MAPPING_POINTS = [
    ("Nowhere to change a nappy in the town centre", "Baby changing", 11, "I end up going home."),
    ("The library rhyme time is the only free thing on a Saturday", "Weekend activities", 8, ""),
    ("Parents do not know the family hub exists", "Finding services", 14, ""),
]


# For cms.demo: outcome title -> consultation results (question order in the family survey,
# answer, theme, statement) and mapping-session points (text) it answers; counted live.
OUTCOME_LINKS = {
    "Evening baby clinics at the family hub": (
        [
            (
                0,
                "Health visitor appointments after work",
                "",
                "said appointments after work would help their family most",
            ),
            (4, "", "Clinic times", "asked for clinic times that fit around work"),
        ],
        [],
    ),
    "Mental health support for new mums": (
        [(0, "Mother and baby mental health support", "", "cited mother and baby mental health")],
        [],
    ),
    "Information in community languages": (
        [],
        ["Parents do not know the family hub exists"],
    ),
}


def load(rng, *, champions) -> None:
    """The surveys (once); responses on paper are entered by the given (active) champions."""
    if Consultation.objects.filter(slug=FAMILY_SURVEY).exists():
        return
    now = timezone.now()
    areas = list(Area.objects.all())
    closed = _family_survey(now)
    for i in range(220):
        on_paper = champions and i % 10 < 3
        when = closed.opens_at + datetime.timedelta(hours=3 + i * 5)
        consultation_response_submit(
            consultation=closed,
            answers=_family_answers(rng, closed, areas),
            channel=ResponseChannel.PAPER if on_paper else ResponseChannel.ONLINE,
            entered_by=champions[i % len(champions)] if on_paper else None,
            where="Stall at the family hub" if on_paper else "",
            now=when,
        )
    _tag_free_text(closed)
    _open_survey(rng, now, areas)


def _question(consultation, order, kind, text, **extra):
    return ConsultationQuestion.objects.create(
        consultation=consultation, sort_order=order, kind=kind, text=text, **extra
    )


def _family_survey(now):
    survey = Consultation.objects.create(
        title="2026 family survey",
        slug=FAMILY_SURVEY,
        purpose="What would make the biggest difference to families with children under 5?",
        audience="Parents and carers of children under 5",
        opens_at=now - datetime.timedelta(days=90),
        closes_at=now - datetime.timedelta(days=30),
    )
    helps = "\n".join(label for label, _weight in HELPS)
    _question(
        survey,
        0,
        QuestionKind.SINGLE,
        "What would help your family most?",
        options=helps,
        required=True,
        published=True,
    )
    _question(
        survey,
        1,
        QuestionKind.MULTIPLE,
        "Where do you go for advice?",
        options="\n".join(ADVICE),
        allow_other=True,
        published=True,
    )
    _question(survey, 2, QuestionKind.RATING, "How easy is it to get to a clinic?", published=True)
    _question(survey, 3, QuestionKind.YES_NO, "Have you been to a family hub?", published=True)
    _question(
        survey, 4, QuestionKind.FREE_TEXT, "Anything else you want to tell us?", published=True
    )
    _question(survey, 5, QuestionKind.AGE_BAND, "How old is your youngest child?")
    _question(survey, 6, QuestionKind.AREA, "Which ward do you live in?")
    return survey


def _family_answers(rng, survey, areas):
    q = list(survey.questions.all())
    labels, weights = zip(*HELPS, strict=True)
    answers = [
        AnswerData(q[0].pk, (rng.choices(labels, weights)[0],)),
        AnswerData(q[1].pk, tuple(rng.sample(ADVICE, k=rng.randint(1, 3)))),
        AnswerData(q[5].pk, (rng.choice(AGE_BANDS),)),
    ]
    if rng.random() < 0.1:
        answers.append(AnswerData(q[1].pk, (OTHER,), other="The children's centre café"))
    if rng.random() < 0.85:  # some skip the rating
        answers.append(AnswerData(q[2].pk, (str(rng.randint(1, 5)),)))
    answers.append(AnswerData(q[3].pk, (rng.choice(["yes", "no", "yes"]),)))
    if rng.random() < 0.4:
        answers.append(AnswerData(q[4].pk, text=rng.choice(THEMES)[0]))
    if areas and rng.random() < 0.9:
        answers.append(AnswerData(q[6].pk, (rng.choice(areas).slug,)))
    return answers


def _tag_free_text(survey):
    factors = {f.code: f for f in ProtectiveFactor.objects.all()}
    for text, theme, code in THEMES:
        answers = ConsultationAnswer.objects.filter(question__consultation=survey, text=text)
        answers.update(theme=theme)
        first = answers.order_by("pk").first()
        if first is not None:
            first.approved_for_publication = True
            first.save(update_fields=["approved_for_publication"])
        for answer in answers:
            answer.protective_factors.add(factors[code])


def _open_survey(rng, now, areas):
    survey = Consultation.objects.create(
        title="Play and parks survey",
        slug="play-and-parks",
        purpose="Tell us what would make local parks and play areas better for young children.",
        audience="Anyone caring for a child under 8",
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=35),
    )
    fav = _question(
        survey,
        0,
        QuestionKind.SINGLE,
        "What would make you visit a park more?",
        options="Toilets\nBaby changing\nShade and seating\nFenced play area",
        allow_other=True,
        required=True,
    )
    _question(survey, 1, QuestionKind.FREE_TEXT, "Which park do you use most, and why?")
    _question(survey, 2, QuestionKind.AREA, "Which ward do you live in?")
    for i in range(12):
        consultation_response_submit(
            consultation=survey,
            answers=[AnswerData(fav.pk, (rng.choice(fav.option_lines()),))],
            now=now - datetime.timedelta(days=6, hours=-i * 9),
        )


def mapping_record(rng, event) -> MeetingRecord:
    """A mapping session's record: the points heard, with themes and how many raised them."""
    record = MeetingRecord.objects.create(event=event, agenda="Mapping where families go")
    factors = list(ProtectiveFactor.objects.filter(code__in=[PF.CONCRETE_SUPPORT, PF.CONNECTIONS]))
    for order, (text, theme, count, quote) in enumerate(MAPPING_POINTS):
        item = ParentVoiceItem.objects.create(
            record=record,
            text=text,
            theme=theme,
            parents_count=count + rng.randint(0, 3),
            quote=quote,
            sort_order=order,
        )
        item.protective_factors.set(factors)
        item.save()  # a ParentalManyToManyField is written when its item is saved
    return record
