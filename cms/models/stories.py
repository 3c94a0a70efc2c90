from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.models.fields import optional_link
from champions.choices import ConsentKind
from champions.models import Area, Consent
from champions.selectors.recognition import commendations_public_for

from ..blocks import BaseStreamBlock
from ..forms.pages import StoryFilterForm, StoryPageForm
from .base import PublicCacheMixin, SectionPage


class StoryPageQuerySet(PageQuerySet):
    """The one rule for which stories consent allows, as a query (consent_problems per page)."""

    def consented(self, now=None):
        """Stories whose champion (if any) has current story consent, and photo consent if
        pictured."""
        current = Consent.objects.current(now)
        story = current.filter(champion=OuterRef("champion_id"), kind=ConsentKind.STORY)
        photo = current.filter(champion=OuterRef("champion_id"), kind=ConsentKind.PHOTO)
        return self.filter(
            Q(champion__isnull=True) | (Exists(story) & (Q(has_photos=False) | Exists(photo)))
        )

    def hidden(self, now=None):
        """Live stories that consent no longer allows: kept out of search, feeds and the API."""
        allowed = self.model.objects.live().consented(now).values("pk")
        return self.live().exclude(pk__in=allowed)

    def listed(self):
        """Live, public stories that may be shown, newest first, with what list cards need."""
        return (
            self.live()
            .public()
            .consented()
            .select_related("hero_image", "area")
            .prefetch_related("hero_image__renditions")
            .order_by("-first_published_at", "-pk")
        )


class StoryIndexPage(SectionPage):
    """Lists published champion stories, newest first, filterable by tag and area."""

    subpage_types = ["cms.StoryPage"]
    template = "cms/story_index_page.html"
    per_page = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.listed().child_of(self)
        filters = StoryFilterForm(
            {name: request.GET.get(name, "").strip() for name in ("tag", "area")}
        ).filters()
        tag, area = filters.get("tag", ""), filters.get("area", "")
        if tag:
            # A semi-join, not a join: no duplicate rows, so no DISTINCT over whole pages.
            tagged = StoryPageTag.objects.filter(content_object=OuterRef("pk"), tag__slug=tag)
            stories = stories.filter(Exists(tagged))
        if area:
            stories = stories.filter(area__slug=area)
        page = Paginator(stories, self.per_page).get_page(request.GET.get("page"))
        context.update(
            stories=page,
            filter_query=f"{urlencode(filters)}&" if filters else "",
            tag=tag,
            area=area,
            areas=Area.objects.filter(
                Exists(StoryPage.objects.filter(area=OuterRef("pk"), live=True))
            ),
            tags=StoryPageTag.tags_in_use(),
        )
        return context


class StoryPageTag(TaggedItemBase):
    """A tag on a story (topics such as "dads" or "languages")."""

    content_object = ParentalKey("cms.StoryPage", on_delete=models.CASCADE, related_name="tagged")

    @staticmethod
    def tags_in_use():
        """Tags of live stories, by name, for the stories index filter."""
        tagged = StoryPageTag.objects.filter(tag=OuterRef("pk"), content_object__live=True)
        return Tag.objects.filter(Exists(tagged)).order_by("name")


class StoryPage(PublicCacheMixin, Page):
    """A story by or about a champion. One that names or pictures a champion is public only
    while that champion's story (and, for pictures, photo) consent is current."""

    summary = models.TextField(max_length=400, help_text="One or two sentences for lists.")
    hero_image = optional_link("wagtailimages.Image", related_name="+")
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=255,
        blank=True,
        help_text="Describe the picture for people who cannot see it. Required with an image.",
    )
    body = StreamField(BaseStreamBlock())
    champion = optional_link(
        "champions.Champion",
        related_name="stories",
        help_text="The champion the story is about, if any: their consent is then required.",
    )
    area = optional_link("champions.Area", verbose_name="ward")
    tags = ClusterTaggableManager(through=StoryPageTag, blank=True)
    protective_factors = ParentalManyToManyField(
        "champions.ProtectiveFactor",
        blank=True,
        related_name="stories",
        help_text="The Protective Factors this touches.",
    )
    # Kept in step with hero_image and body on save, so lists can filter on photo consent.
    has_photos = models.BooleanField(default=False, editable=False)
    submitted_by_champion = models.BooleanField(default=False, editable=False)
    # The champion's story form's one-time key: the same form sent twice makes one story.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    exclude_fields_in_copy = ["submission_key"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading="Hero image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("champion"),
                FieldPanel("area"),
                FieldPanel("tags"),
                FieldPanel("protective_factors", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("champion_id"),
    ]
    api_fields = [APIField(name) for name in ("summary", "body", "protective_factors", "tag_names")]
    objects = PageManager.from_queryset(StoryPageQuerySet)()

    base_form_class = StoryPageForm
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []
    template = "cms/story_page.html"

    class Meta:
        ordering = ["-first_published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["champion", "submission_key"], name="story_submitted_once"
            ),
        ]

    @property
    def tag_names(self):
        return [t.name for t in self.tags.all()]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": "Describe the hero image for screen reader users."})

    def save(self, *args, **kwargs):
        self.has_photos = bool(self.hero_image_id) or any(
            block.block_type == "image" for block in self.body
        )
        return super().save(*args, **kwargs)

    @property
    def state_for_champion(self) -> str:
        """What the champion sees about their story: published, in review, changes asked."""
        if self.live:
            return "Published"
        state = self.current_workflow_state
        if state is None:
            return "Not published"
        if state.status == state.STATUS_NEEDS_CHANGES:
            return "Changes requested"
        return "Waiting for review"

    def consent_problems(self, now=None) -> list[str]:
        """Why this story may not be public now; empty when it may."""
        if self.champion_id is None:
            return []
        champion = self.champion
        current = Consent.objects.current_for(champion, now)
        problems = []
        if ConsentKind.STORY not in current:
            problems.append(
                f"{champion.preferred_name} has not given current consent to publish their "
                "story, so this story cannot be published."
            )
        pictured = bool(self.hero_image_id) or any(b.block_type == "image" for b in self.body)
        if pictured and ConsentKind.PHOTO not in current:
            problems.append(
                f"{champion.preferred_name} has not given current consent to use photos, so "
                "this story cannot be published with pictures."
            )
        return problems

    def publish(self, revision, *args, **kwargs):
        # The editor's form already refuses this; this also covers workflow approval and code.
        problems = revision.as_object().consent_problems()
        if problems:
            raise PermissionDenied(" ".join(problems))
        return super().publish(revision, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if self.consent_problems():
            raise Http404("Consent is not current")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["commendations"] = commendations_public_for(self.champion_id)
        return context

    def get_sitemap_urls(self, request=None):
        # Wagtail asks each page in turn: look the hidden stories up once per sitemap request.
        if request is not None:
            if not hasattr(request, "_hidden_story_ids"):
                hidden = StoryPage.objects.hidden().values_list("pk", flat=True)
                request._hidden_story_ids = set(hidden)
            hidden = self.pk in request._hidden_story_ids
        else:
            hidden = bool(self.consent_problems())
        return [] if hidden else super().get_sitemap_urls(request)
