"""The "Become a champion" page: what a parent would want to know before signing up."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock
from .base import PublicCacheMixin
from .stories import StoryPage

RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    """One step from enquiry to active champion, shown as a numbered timeline."""

    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(required=False)

    class Meta:
        icon = "list-ol"
        template = "blocks/step_block.html"
        preview_value = {
            "title": "We call you",
            "text": "Your coordinator calls within a week to say hello and answer questions.",
        }
        description = "One step of joining, with a short explanation"


class BecomeChampionPage(PublicCacheMixin, Page):
    """What a parent needs to decide to volunteer: what champions do, the support and expenses
    (childcare included), the time it takes, the steps, stories of champions, and a sign-up
    button. One per site, under the home page."""

    introduction = models.TextField(help_text="One or two sentences shown under the title.")
    what_champions_do = RichTextField("what champions do", features=RICH_TEXT)
    support = RichTextField(
        "support and expenses",
        features=RICH_TEXT,
        help_text="Training, a named coordinator, and the expenses paid (travel, childcare).",
    )
    time_commitment = RichTextField("the time it takes", features=RICH_TEXT)
    steps = StreamField([("step", StepBlock())], blank=True, help_text="From sign-up to active.")
    body = StreamField(BaseStreamBlock(), blank=True, help_text="Anything else, after the steps.")
    story_count = models.PositiveSmallIntegerField(
        "stories shown", default=3, help_text="The newest published champion stories; 0 for none."
    )
    sign_up_label = models.CharField(max_length=60, default="Sign up to be a champion")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("what_champions_do"),
        FieldPanel("support"),
        FieldPanel("time_commitment"),
        FieldPanel("steps"),
        FieldPanel("body"),
        FieldPanel("story_count"),
        FieldPanel("sign_up_label"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("what_champions_do"),
        index.SearchField("support"),
        index.SearchField("time_commitment"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "cms/become_champion_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            list(StoryPage.objects.listed()[: self.story_count]) if self.story_count else []
        )
        return context
