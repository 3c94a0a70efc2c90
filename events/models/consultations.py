"""Consultations and surveys: questions staff build, responses parents give (online, or on paper
entered by a champion) and the answers, counted live for results and outcomes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from accounts.models.fields import optional_link
from champions.models import Area, ProtectiveFactor

from ..choices import (
    ABOUT_YOU_KINDS,
    AGE_BANDS,
    CHOICE_KINDS,
    LANGUAGES,
    OTHER,
    YES_NO,
    QuestionKind,
    ResponseChannel,
)

DEFAULT_CONSENT = (
    "Your answers are anonymous. We use them, added up with everyone else's, to tell local "
    "services what parents need. We never publish a figure about fewer than 5 people, and we "
    "only publish your own words if you have not named anyone."
)


class ConsultationQuerySet(models.QuerySet):
    def open(self, now=None):
        """Consultations taking answers now: opened and not yet closed."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class Consultation(ClusterableModel):
    """A consultation or survey staff build in the admin and parents answer on the public site."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    purpose = models.TextField(help_text="What it is for and what will happen with the answers.")
    audience = models.CharField(
        "who it is for", max_length=200, help_text="e.g. “Parents of children under 5”."
    )
    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField()
    areas = ParentalManyToManyField(
        Area,
        verbose_name="wards",
        blank=True,
        related_name="consultations",
        help_text="Leave empty for every ward.",
    )
    consent_statement = models.TextField(default=DEFAULT_CONSENT)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be after it opens."})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class ConsultationQuestion(Orderable):
    """One question of a consultation, in order; "about you" questions are always optional."""

    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.CharField("question", max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    options = models.TextField(
        blank=True, help_text="Single and multiple choice: one option a line."
    )
    allow_other = models.BooleanField(
        "offer “other, please say”", default=False, help_text="Single and multiple choice."
    )
    scale_points = models.PositiveSmallIntegerField(
        default=5, help_text="Rating scale: 1 to this number."
    )
    scale_low_label = models.CharField(max_length=60, blank=True, default="Very poor")
    scale_high_label = models.CharField(max_length=60, blank=True, default="Very good")
    required = models.BooleanField(default=False)
    published = models.BooleanField(
        default=False, help_text="Show this question's results on the public results page."
    )

    class Meta(Orderable.Meta):
        verbose_name = "question"

    def __str__(self):
        return f"{self.consultation.title}: {Truncator(self.text).chars(80)}"

    def clean(self):
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and not self.option_lines():
            raise ValidationError({"options": "Give at least one option, one a line."})
        if self.kind == QuestionKind.RATING and not 2 <= self.scale_points <= 10:
            raise ValidationError({"scale_points": "A scale has 2 to 10 points."})
        if self.kind in ABOUT_YOU_KINDS:
            self.required = False

    @property
    def is_about_you(self) -> bool:
        return self.kind in ABOUT_YOU_KINDS

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    def option_lines(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def choices(self, areas=()) -> list[tuple[str, str]]:
        """(value, label) of every answer this question offers; `areas` for an area question."""
        kind = self.kind
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            pairs = [(line, line) for line in self.option_lines()]
            return pairs + ([(OTHER, "Other")] if self.allow_other else [])
        if kind == QuestionKind.RATING:
            return [(str(n), self.scale_label(n)) for n in range(1, self.scale_points + 1)]
        if kind == QuestionKind.YES_NO:
            return list(YES_NO)
        if kind == QuestionKind.AGE_BAND:
            return [(band, band) for band in AGE_BANDS]
        if kind == QuestionKind.LANGUAGE:
            return [(language, language) for language in LANGUAGES]
        if kind == QuestionKind.AREA:
            return [(area.slug, area.name) for area in areas]
        return []

    def scale_label(self, n: int) -> str:
        if n == 1 and self.scale_low_label:
            return f"1: {self.scale_low_label}"
        if n == self.scale_points and self.scale_high_label:
            return f"{n}: {self.scale_high_label}"
        return str(n)


class ConsultationResponse(models.Model):
    """One person's answers, given once: online, or from paper entered by a champion."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    channel = models.CharField(
        max_length=10, choices=ResponseChannel.choices, default=ResponseChannel.ONLINE
    )
    entered_by = optional_link("champions.Champion", related_name="consultation_responses")
    where = models.CharField(
        max_length=200, blank=True, help_text="Paper responses: the stall or event."
    )
    event = optional_link("events.Event", related_name="consultation_responses")
    area = optional_link(Area, related_name="consultation_responses", verbose_name="ward")
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["consultation", "channel", "area"])]

    def __str__(self):
        return f"Response {self.pk} to {self.consultation}"


class ConsultationAnswer(models.Model):
    """One answer: a chosen option (one row per option for multiple choice) or free text.

    Staff tag free-text answers with a theme and protective factors, and approve the ones that
    may be published in the parent's own words.
    """

    response = models.ForeignKey(
        ConsultationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    choice = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True, help_text="Free text, or what “other” means.")
    theme = models.CharField(max_length=100, blank=True)
    protective_factors = models.ManyToManyField(
        ProtectiveFactor, blank=True, related_name="consultation_answers"
    )
    approved_for_publication = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["question", "choice"]),
            # Free text (and what "other" means) is a few rows among many: the results page
            # counts and pages through them alone.
            models.Index(
                fields=["question"], condition=~models.Q(text=""), name="events_answer_text_idx"
            ),
        ]

    def __str__(self):
        return Truncator(self.text or self.choice).chars(80)
