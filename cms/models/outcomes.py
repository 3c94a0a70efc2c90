from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.models.fields import optional_link
from events.selectors.consultations import consultation_figure

from ..blocks import ParentVoiceStreamBlock
from ..choices import OutcomeStatus
from ..forms.pages import OutcomePageForm
from .base import PublicCacheMixin, SectionPage
from .stories import StoryPage


class LiveFiguresPanel(Panel):
    """Read-only, in the editor: each linked consultation result's figure as the public page
    would show it now (saved results; a new one shows once the page is saved)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/live_figures.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            links = self.instance.consultation_results.all() if self.instance.pk else []
            context["figures"] = [(link, link.figure()) for link in links if link.question_id]
            return context


class OutcomePageQuerySet(PageQuerySet):
    """Queries for outcome pages."""

    def listed(self):
        """Live, public outcomes, the most recently raised first, for lists and feeds."""
        return self.live().public().select_related("area").order_by("-raised_on", "-pk")


class OutcomeIndexPage(SectionPage):
    """ "You said, we did": lists co-production outcomes, filterable by status."""

    subpage_types = ["cms.OutcomePage"]
    template = "cms/outcome_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outcomes = OutcomePage.objects.live().child_of(self).select_related("area")
        status = request.GET.get("status", "")
        if status in OutcomeStatus.values:
            outcomes = outcomes.filter(status=status)
        outcomes = outcomes.order_by("-raised_on", "-pk")
        context.update(
            outcomes=Paginator(outcomes, 12).get_page(request.GET.get("page")),
            status=status,
            filter_query=f"status={status}&" if status in OutcomeStatus.values else "",
            statuses=OutcomeStatus.choices,
        )
        return context


class OutcomePage(PublicCacheMixin, Page):
    """One change traced from parent voice, through meetings and decisions, to what changed."""

    summary = models.TextField(max_length=400, help_text="One or two sentences for lists.")
    parent_voice = models.TextField(help_text="The issue as parents put it.")
    evidence = StreamField(ParentVoiceStreamBlock(), blank=True, verbose_name="where it came from")
    decision = models.TextField(blank=True)
    decided_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="The body or role that decided, e.g. “Health visiting service board”.",
    )
    what_changed = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    status = models.CharField(
        max_length=20, choices=OutcomeStatus.choices, default=OutcomeStatus.RAISED
    )
    status_reason = models.TextField(
        blank=True, help_text="Required when not taken forward: say why."
    )
    raised_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    achieved_on = models.DateField(null=True, blank=True)
    area = optional_link("champions.Area", verbose_name="ward")
    protective_factors = ParentalManyToManyField(
        "champions.ProtectiveFactor",
        blank=True,
        related_name="outcomes",
        help_text="The Protective Factors this touches.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("parent_voice"), FieldPanel("evidence")], heading="You said"),
        InlinePanel(
            "voice_items",
            heading="Points parents raised at meetings and mapping sessions",
            label="Point",
        ),
        InlinePanel(
            "consultation_results",
            heading="Consultation results (figures shown live)",
            label="Result",
        ),
        LiveFiguresPanel(heading="Consultation figures now"),
        InlinePanel("meeting_links", heading="Meetings where it was discussed", label="Meeting"),
        MultiFieldPanel(
            [
                FieldPanel("decision"),
                FieldPanel("decided_by"),
                FieldPanel("what_changed"),
            ],
            heading="We did",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("status_reason"),
                FieldPanel("raised_on"),
                FieldPanel("decided_on"),
                FieldPanel("achieved_on"),
            ],
            heading="Status and dates",
        ),
        FieldPanel("area"),
        FieldPanel("protective_factors", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_stories", heading="Related stories", label="Story"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("parent_voice"),
        index.SearchField("decision"),
        index.SearchField("what_changed"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            *("summary", "parent_voice", "evidence", "decision", "decided_by", "what_changed"),
            *("status", "status_reason", "raised_on", "decided_on", "achieved_on"),
            "protective_factors",
        )
    ]
    objects = PageManager.from_queryset(OutcomePageQuerySet)()

    base_form_class = OutcomePageForm
    parent_page_types = ["cms.OutcomeIndexPage"]
    subpage_types: list[str] = []
    template = "cms/outcome_page.html"

    @property
    def status_tone(self) -> str:
        """The badge tone (components/badge.html) for the outcome's status."""
        return {"achieved": "ok", "not_taken_forward": "bad", "in_progress": "warn"}.get(
            self.status, ""
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = self.meeting_links.select_related("event").order_by("sort_order")
        voice_items = self.voice_items.select_related("item__record__event").order_by("sort_order")
        story_ids = [r.story_id for r in self.related_stories.all()]
        stories = StoryPage.objects.listed().filter(pk__in=story_ids) if story_ids else []
        results = self.consultation_results.select_related("question__consultation")
        figures = [(link, link.figure()) for link in results.order_by("sort_order")]
        # While a consultation takes answers its figures change: keep the page out of the cache.
        self._live_figures = any(figure.is_open for _link, figure in figures)
        # The trail names each consultation once, however many of its results are linked.
        consulted = list(
            {
                link.question.consultation_id: link.question.consultation for link, _f in figures
            }.values()
        )
        # Meetings show only their public summary; stories only those consent allows.
        context.update(
            meeting_links=links,
            voice_items=voice_items,
            related_stories=stories,
            figures=figures,
            consulted=consulted,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(self, "_live_figures", False):
            response.public_cacheable = False
        return response


class OutcomeRelatedStory(Orderable):
    """A story related to the outcome (shown only while its consent allows)."""

    page = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey("cms.StoryPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("story")]


class OutcomeMeetingLink(Orderable):
    """A meeting where the outcome was discussed; only its public summary is shown."""

    page = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="meeting_links")
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="outcome_links"
    )
    public_summary = models.TextField(
        blank=True, help_text="What was discussed, without the names of people who attended."
    )

    panels = [FieldPanel("event"), FieldPanel("public_summary")]


class OutcomeParentVoice(Orderable):
    """A point parents raised at a recorded meeting that this outcome answers."""

    page = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="voice_items")
    item = models.ForeignKey(
        "events.ParentVoiceItem", on_delete=models.CASCADE, related_name="outcome_links"
    )

    panels = [FieldPanel("item")]


class OutcomeConsultationResult(Orderable):
    """A consultation result this outcome answers: one answer to a question, or a theme staff
    tagged on its free-text answers; its figure is counted live."""

    page = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="consultation_results")
    question = models.ForeignKey(
        "events.ConsultationQuestion", on_delete=models.CASCADE, related_name="outcome_links"
    )
    choice = models.CharField(
        max_length=200,
        blank=True,
        help_text="The answer to count, exactly as offered (e.g. “Childcare”).",
    )
    theme = models.CharField(
        max_length=100, blank=True, help_text="Or: a theme staff tagged on free-text answers."
    )
    statement = models.CharField(
        max_length=200, help_text="What they said, e.g. “cited mother and baby mental health”."
    )

    panels = [
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("choice"), FieldPanel("theme")]),
        FieldPanel("statement"),
    ]

    def clean(self):
        if bool(self.choice) == bool(self.theme):
            raise ValidationError("Give either an answer to count or a theme, not both.")
        if self.choice and self.question_id:
            offered = [value for value, _label in self.question.choices()]
            if self.question.kind != "area" and self.choice not in offered:
                raise ValidationError({"choice": f"Choose one of: {', '.join(offered)}."})

    def figure(self):
        return consultation_figure(self.question, choice=self.choice, theme=self.theme)
