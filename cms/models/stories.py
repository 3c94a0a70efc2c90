from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from champions.choices import ConsentKind
from champions.models import Consent

from ..blocks import BaseStreamBlock
from ..forms import StoryPageForm
from .base import PublicCacheMixin


class StoryIndexPage(PublicCacheMixin, Page):
    """Lists published champion stories, newest first, filterable by tag and area."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]
    max_count = 1
    template = "cms/story_index_page.html"
    per_page = 12

    def get_context(self, request, *args, **kwargs):
        from champions.models import Area

        from ..selectors import public_stories

        context = super().get_context(request, *args, **kwargs)
        stories = public_stories().child_of(self)
        tag = request.GET.get("tag", "").strip()
        area = request.GET.get("area", "").strip()
        if tag:
            stories = stories.filter(tags__slug=tag)
        if area:
            stories = stories.filter(area__slug=area)
        page = Paginator(stories.distinct(), self.per_page).get_page(request.GET.get("page"))
        filters = {k: v for k, v in (("tag", tag), ("area", area)) if v}
        context.update(
            stories=page,
            filter_query=f"{urlencode(filters)}&" if filters else "",
            tag=tag,
            area=area,
            areas=Area.objects.filter(storypage__live=True).distinct(),
            tags=StoryPageTag.tags_in_use(),
        )
        return context


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.StoryPage", on_delete=models.CASCADE, related_name="tagged")

    @staticmethod
    def tags_in_use():
        from taggit.models import Tag

        return Tag.objects.filter(cms_storypagetag_items__content_object__live=True).distinct()


class StoryPage(PublicCacheMixin, Page):
    """A story by or about a champion. One that names or pictures a champion is public only
    while that champion's story (and, for pictures, photo) consent is current."""

    summary = models.TextField(max_length=400, help_text="One or two sentences for lists.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=255,
        blank=True,
        help_text="Describe the picture for people who cannot see it. Required with an image.",
    )
    body = StreamField(BaseStreamBlock())
    champion = models.ForeignKey(
        "champions.Champion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text="The champion the story is about, if any: their consent is then required.",
    )
    area = models.ForeignKey("champions.Area", null=True, blank=True, on_delete=models.SET_NULL)
    tags = ClusterTaggableManager(through=StoryPageTag, blank=True)
    protective_factors = models.JSONField(default=list, blank=True)
    # Kept in step with hero_image and body on save, so lists can filter on photo consent.
    has_photos = models.BooleanField(default=False, editable=False)
    submitted_by_champion = models.BooleanField(default=False, editable=False)

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
                FieldPanel("protective_factors"),
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
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("protective_factors"),
        APIField("tag_names"),
    ]
    base_form_class = StoryPageForm
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []
    template = "cms/story_page.html"

    class Meta:
        ordering = ["-first_published_at"]

    @property
    def tag_names(self):
        return [t.name for t in self.tags.all()]

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": "Describe the hero image for screen reader users."})

    def save(self, *args, **kwargs):
        self.has_photos = bool(self.hero_image_id) or any(
            block.block_type == "image" for block in self.body
        )
        return super().save(*args, **kwargs)

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

    def get_sitemap_urls(self, request=None):
        # Wagtail asks each page in turn: look the hidden stories up once per sitemap request.
        from ..selectors import hidden_story_ids

        if request is not None:
            if not hasattr(request, "_hidden_story_ids"):
                request._hidden_story_ids = set(hidden_story_ids().values_list("pk", flat=True))
            hidden = self.pk in request._hidden_story_ids
        else:
            hidden = bool(self.consent_problems())
        return [] if hidden else super().get_sitemap_urls(request)
