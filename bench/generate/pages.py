"""Public pages: the index pages, stories (with tags) and outcomes.

Pages go in through Wagtail's add_child, which keeps the page tree, the search index and the
reference index right. It is the slow step (about 20 ms a page), which is acceptable, so no
raw tree writes.
"""

import datetime
import itertools
import random

from taggit.models import Tag
from wagtail.models import Site

from champions.models import ProtectiveFactor
from cms.choices import OutcomeStatus
from cms.models import (
    HomePage,
    ImpactPage,
    OutcomeIndexPage,
    OutcomeMeetingLink,
    OutcomePage,
    OutcomeParentVoice,
    OutcomeRelatedStory,
    PublicEventsPage,
    StoryIndexPage,
    StoryPage,
    StoryPageTag,
)

from .loader import Loader
from .names import TAGS
from .plan import Programme

PARAGRAPH = (
    "<p>Champions meet every month with the people who plan local services, bringing "
    "what parents tell them at groups, stalls and online.</p>"
)
PARENT_SAID = "Working parents could not get to daytime baby clinics."
# The pages under home: stories and outcomes, and two drawn from programme records.
INDEXES = [
    (
        StoryIndexPage,
        {
            "title": "Stories",
            "slug": "stories",
            "introduction": "Parent champions in their own words.",
        },
    ),
    (
        OutcomeIndexPage,
        {
            "title": "Outcomes",
            "slug": "outcomes",
            "introduction": "You said, we did: what changed because parents spoke up.",
        },
    ),
    (PublicEventsPage, {"title": "Events", "slug": "whats-on"}),
    (ImpactPage, {"title": "Impact", "slug": "impact"}),
]


def pages(p: Programme, loader: Loader) -> None:
    """The home page's title, its index pages, and the stories and outcomes under them."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    home.title = "Parents' voices shaping local services"
    home.save()
    story_index, outcome_index, *_ = (
        home.add_child(instance=model(show_in_menus=True, **fields)) for model, fields in INDEXES
    )
    story_ids = _stories(p, story_index)
    _tag(story_ids)
    _outcomes(p, outcome_index, story_ids)
    loader.record(StoryPage, len(story_ids))
    loader.record(OutcomePage, p.plan.outcomes)


def _stories(p: Programme, index: StoryIndexPage) -> list[int]:
    """Half the stories are about a champion (who has given story consent), in their area."""
    rng = random.Random(5)
    area_of = dict(zip(p.champion_ids, itertools.cycle(p.area_ids), strict=False))
    story_ids = []
    for i, champion_id in enumerate(p.story_subjects()):
        published = p.now - datetime.timedelta(days=p.plan.stories - i, hours=i % 24)
        story = StoryPage(
            title=f"{TAGS[i % len(TAGS)].capitalize()}: a champion's story {i + 1}",
            slug=f"story-{i + 1}",
            summary="How one parent's voice changed a local service for families.",
            body=[
                ("paragraph", PARAGRAPH),
                ("quote", {"quote": "They listened.", "attribution": "A champion"}),
                ("paragraph", PARAGRAPH),
            ],
            champion_id=champion_id,
            area_id=area_of[champion_id] if champion_id else rng.choice(p.area_ids),
            protective_factors=ProtectiveFactor.objects.filter(
                code__in=["connections", "resilience"]
            ),
            live=True,
            first_published_at=published,
            last_published_at=published,
        )
        index.add_child(instance=story)
        story_ids.append(story.pk)
    return story_ids


def _tag(story_ids: list[int]) -> None:
    """One or two tags on each story."""
    tags = [Tag.objects.get_or_create(name=name, slug=name.replace(" ", "-"))[0] for name in TAGS]
    StoryPageTag.objects.bulk_create(
        [
            StoryPageTag(content_object_id=sid, tag_id=tags[(i + j) % len(tags)].pk)
            for i, sid in enumerate(story_ids)
            for j in range(1 + i % 2)
        ],
        batch_size=2000,
    )


def _outcomes(p: Programme, index: OutcomeIndexPage, story_ids: list[int]) -> None:
    """Outcomes at every status, each linked to a meeting, a story and (when there are
    meeting records) a parent-voice item."""
    statuses = list(OutcomeStatus)
    meetings = p.co_production_event_ids or p.event_ids
    for i in range(p.plan.outcomes):
        outcome = _outcome(p, i, statuses[i % len(statuses)])
        outcome.meeting_links.add(
            OutcomeMeetingLink(
                event_id=meetings[i % len(meetings)],
                public_summary="Parents raised this; the service lead agreed to look at it.",
            )
        )
        outcome.related_stories.add(OutcomeRelatedStory(story_id=story_ids[i % len(story_ids)]))
        if p.parent_voice_item_ids:
            item = p.parent_voice_item_ids[i % len(p.parent_voice_item_ids)]
            outcome.voice_items.add(OutcomeParentVoice(item_id=item))
        index.add_child(instance=outcome)


def _outcome(p: Programme, i: int, status: str) -> OutcomePage:
    raised = p.today - datetime.timedelta(days=30 + (i * 3) % 900)
    decided = status != OutcomeStatus.RAISED
    achieved = status == OutcomeStatus.ACHIEVED
    published = p.now - datetime.timedelta(days=p.plan.outcomes - i)
    quote = {"quote": "Clinics close before I finish work.", "attribution": "A parent"}
    return OutcomePage(
        title=f"Change {i + 1}: evening clinics at the family hub",
        slug=f"outcome-{i + 1}",
        summary=PARENT_SAID,
        parent_voice=PARENT_SAID,
        evidence=[("quote", quote)],
        decision="Agreed to act on what parents said." if decided else "",
        decided_by="Health visiting service board",
        what_changed="<p>A Tuesday evening clinic opened at the family hub.</p>",
        status=status,
        status_reason="The venue is not ours to change."
        if status == OutcomeStatus.NOT_TAKEN_FORWARD
        else "",
        raised_on=raised,
        decided_on=raised + datetime.timedelta(days=60) if decided else None,
        achieved_on=raised + datetime.timedelta(days=120) if achieved else None,
        area_id=p.area_ids[i % len(p.area_ids)],
        protective_factors=ProtectiveFactor.objects.filter(
            code__in=["concrete_support", "knowledge"]
        ),
        live=True,
        first_published_at=published,
        last_published_at=published,
    )
