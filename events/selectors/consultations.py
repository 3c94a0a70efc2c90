"""Reads for consultations: which are open, and one with its questions for answering."""

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone

from champions.models import Area

from ..choices import QuestionKind, RegistrationStatus
from ..models import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationResponse,
    Event,
)
from .answer_counts import answer_counts
from .disclosure import SMALLEST_CELL, is_small, publishable, withheld_cells


def consultations_open(now=None):
    """Consultations taking answers now, the one closing soonest first."""
    return Consultation.objects.open(now).order_by("closes_at", "pk")


def consultation_for_answering(slug: str) -> Consultation:
    """A consultation with its questions (in order) and areas loaded, or 404."""
    return get_object_or_404(Consultation.objects.prefetch_related("questions", "areas"), slug=slug)


@dataclass(frozen=True)
class OptionResult:
    """How many chose one answer: n, and % of those who answered the question and of all."""

    value: str
    label: str
    n: int
    base: int
    total: int
    # Not to be published: 1 to 4 people, or a count that would let one be worked out.
    withheld: bool = False

    @property
    def percent(self) -> int:
        return percent(self.n, self.base)

    @property
    def percent_of_all(self) -> int:
        return percent(self.n, self.total)


@dataclass(frozen=True)
class QuestionResult:
    """One question's results: its base (who answered it) and a row per answer offered."""

    question: ConsultationQuestion
    base: int
    total: int
    options: list[OptionResult] = field(default_factory=list)
    # Published as shares of all respondents, "No answer" a row (1 to 4 skipped it).
    of_all: bool = False

    @property
    def skipped(self) -> int:
        return self.total - self.base

    def for_publication(self) -> "QuestionResult | None":
        """The same result with the counts that may not be published marked withheld, or None
        when no way of withholding them keeps a count under 5 from being worked out.

        When 1 to 4 people skipped the question, its base would give them away (all
        respondents less the base), so it is shown of all respondents, with "No answer" as one
        more count, suppressed like the others."""
        exclusive = self.question.kind != QuestionKind.MULTIPLE
        options, base, of_all = self.options, self.base, is_small(self.skipped)
        if of_all and options:
            options = [replace(o, base=self.total) for o in options]
            options.append(OptionResult("", "No answer", self.skipped, self.total, self.total))
            base = self.total
        counts = [o.n for o in options]
        hidden = withheld_cells(counts, base, exclusive=exclusive)
        if not publishable(counts, hidden, base, exclusive=exclusive):
            return None
        options = [replace(o, withheld=i in hidden) for i, o in enumerate(options)]
        return replace(self, options=options, of_all=of_all)


@dataclass(frozen=True)
class ConsultationResults:
    consultation: Consultation
    total: int
    questions: list[QuestionResult]


def percent(n: int, base: int) -> int:
    """Whole-number percentage, halves rounded up (as people read "36%")."""
    if not base:
        return 0
    return int((Decimal(100 * n) / Decimal(base)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def consultation_responses(consultation, *, area=None, channel=""):
    """The consultation's responses, filtered by area and channel when given."""
    responses = ConsultationResponse.objects.filter(consultation=consultation)
    if area is not None:
        responses = responses.filter(area=area)
    if channel:
        responses = responses.filter(channel=channel)
    return responses


def consultation_results(consultation, *, area=None, channel="") -> ConsultationResults:
    """Every question's counts and percentages, in a fixed number of queries whatever the size
    (the counts themselves cached until a response is added or removed)."""
    questions = list(consultation.questions.all())
    responses = consultation_responses(consultation, area=area, channel=channel)
    filtered = area is not None or bool(channel)
    filters = f"{getattr(area, 'pk', '')}/{channel}" if filtered else ""
    total, counts, bases = answer_counts(questions, responses, filters=filters)
    areas = list(consultation.areas.all()) or list(Area.objects.all())
    results = []
    for question in questions:
        base = bases.get(question.pk, 0)
        options = [
            OptionResult(value, label, counts.get((question.pk, value), 0), base, total)
            for value, label in question.choices(areas)
        ]
        results.append(QuestionResult(question, base, total, options))
    return ConsultationResults(consultation, total, results)


def paper_responses_count(champion) -> int:
    """Responses the champion entered from paper or face to face: people they reached."""
    return ConsultationResponse.objects.filter(entered_by=champion).count()


def consultation_events_for_paper(consultation, champion, *, now=None):
    """Events the champion was booked on that took place while the consultation was open:
    where they may have collected responses."""
    now = now or timezone.now()
    return (
        Event.objects.filter(
            registrations__champion=champion,
            registrations__status=RegistrationStatus.BOOKED,
            starts_at__gte=consultation.opens_at,
            starts_at__lte=min(now, consultation.closes_at),
        )
        .distinct()
        .order_by("-starts_at")
    )


def consultation_free_text_page(consultation, *, area=None, channel="", page=None, size=50):
    """One page of free-text answers (and what "other" means), newest first, with their
    question, response and tags loaded and `factor_ids` set for the tag form.

    Answers are stored with their response as it comes in, so newest first is highest id
    first: the page's ids come from the index alone, then only those rows are read."""
    answers = ConsultationAnswer.objects.filter(question__consultation=consultation)
    if area is not None or channel:
        responses = consultation_responses(consultation, area=area, channel=channel)
        answers = answers.filter(response__in=responses.values("pk"))
    answers = answers.exclude(text="").order_by("-pk")
    shown = Paginator(answers.values_list("pk", flat=True), size).get_page(page)
    shown.object_list = list(
        answers.filter(pk__in=list(shown.object_list))
        .select_related("question", "response")
        .prefetch_related("protective_factors")
    )
    for answer in shown.object_list:
        answer.factor_ids = {factor.pk for factor in answer.protective_factors.all()}
    return shown


def consultation_published(slug: str) -> Consultation:
    """A consultation with at least one published question, or 404."""
    return get_object_or_404(
        Consultation.objects.filter(questions__published=True).distinct(), slug=slug
    )


def consultation_public_results(consultation) -> tuple[ConsultationResults, dict]:
    """The published questions' results, leaving out any question fewer than 5 answered, and
    the free-text answers staff approved for publication, by question id."""
    results = consultation_results(consultation)
    shown = [
        published
        for r in results.questions
        if r.question.published and r.base >= SMALLEST_CELL
        if (published := r.for_publication()) is not None
    ]
    quotes = {}
    approved = ConsultationAnswer.objects.filter(
        question__consultation=consultation,
        question__published=True,
        approved_for_publication=True,
    ).exclude(text="")
    for question_id, text in approved.order_by("pk").values_list("question_id", "text"):
        quotes.setdefault(question_id, []).append(text)
    return ConsultationResults(consultation, results.total, shown), quotes


def consultations_with_results():
    """Consultations with published results, the latest closing first."""
    return (
        Consultation.objects.filter(questions__published=True)
        .distinct()
        .order_by("-closes_at", "pk")
    )


@dataclass(frozen=True)
class VoiceFigure:
    """A live consultation figure for an outcome: "36% (46) of 128 who answered the survey"."""

    n: int
    base: int
    source: str
    is_open: bool
    # 1 to 4 people, or a count from which such a small count could be worked out.
    withheld: bool = False

    @property
    def percent(self) -> int:
        return percent(self.n, self.base)

    def __str__(self):
        if self.withheld:
            return (
                f"A figure not published to keep everyone anonymous ({self.base} answered "
                f"the {self.source})"
            )
        return f"{self.percent}% ({self.n}) of {self.base} who answered the {self.source}"


def consultation_figure(question, *, choice: str = "", theme: str = "") -> VoiceFigure:
    """Counts, now, those who gave `choice` (or whose free text staff tagged `theme`) among
    those who answered `question` (among all respondents when 1 to 4 skipped it), withheld
    as the public results page would withhold it."""
    answers = ConsultationAnswer.objects.filter(question=question)
    base = answers.values("response_id").distinct().count()
    consultation = question.consultation
    skipped = consultation.responses.count() - base
    if is_small(skipped):
        # Beside the number who took part (the results page) the base would give away the 1
        # to 4 who skipped: count of everyone, with "no answer" one more cell.
        base += skipped
    if theme:
        tagged = answers.filter(theme__iexact=theme)
        n = tagged.values("response_id").distinct().count()
        return VoiceFigure(n, base, consultation.title, consultation.is_open(), is_small(n))
    cells = dict(
        answers.exclude(choice="")
        .values("choice")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("choice", "n")
    )
    if is_small(skipped):
        cells[""] = skipped
    n = cells.get(choice, 0)
    withheld = _figure_withheld(question, cells, choice, base)
    return VoiceFigure(n, base, consultation.title, consultation.is_open(), withheld)


def _figure_withheld(question, cells: dict, choice: str, base: int) -> bool:
    """Whether one answer's count may not be published beside its base: hidden on the results
    page, or (one answer each) the rest, base minus it, is 1 to 4 people."""
    values = [choice] + [value for value in cells if value != choice]
    exclusive = question.kind != QuestionKind.MULTIPLE
    counts = [cells.get(value, 0) for value in values]
    hidden = withheld_cells(counts, base, exclusive=exclusive)
    if not publishable(counts, hidden, base, exclusive=exclusive):
        return True
    return 0 in hidden or (exclusive and is_small(base - cells.get(choice, 0)))


@dataclass
class ThemeRow:
    """A theme staff tagged on free-text answers to one question: a parent-voice item."""

    consultation: str
    question: str
    theme: str
    n: int
    factors: set = field(default_factory=set)
    outcomes: list = field(default_factory=list)


def consultation_themes() -> list[ThemeRow]:
    """Every tagged theme with how many raised it, its factors and the outcomes it led to,
    in three queries."""
    rows = {}
    tagged = ConsultationAnswer.objects.exclude(theme="")
    counted = tagged.values(
        "question_id", "question__consultation__title", "question__text", "theme"
    ).annotate(n=Count("response_id", distinct=True))
    for row in counted.order_by("question__consultation__title", "question__sort_order", "theme"):
        key = (row["question_id"], row["theme"].lower())
        rows[key] = ThemeRow(
            row["question__consultation__title"], row["question__text"], row["theme"], row["n"]
        )
    factors = tagged.filter(protective_factors__isnull=False).values_list(
        "question_id", "theme", "protective_factors__label"
    )
    for question_id, theme, label in factors.distinct():
        rows[(question_id, theme.lower())].factors.add(label)
    # Outcome links are cms rows; their reverse name is enough to read them from here.
    links = ConsultationQuestion.objects.filter(outcome_links__isnull=False).values_list(
        "pk", "outcome_links__theme", "outcome_links__page__title"
    )
    for question_id, theme, title in links:
        if theme and (question_id, theme.lower()) in rows:
            rows[(question_id, theme.lower())].outcomes.append(title)
    return list(rows.values())
