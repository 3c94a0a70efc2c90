"""Writes for stories: keeping published stories in line with consent, and champions' drafts."""

import uuid

from django.db import transaction
from django.utils.html import escape
from wagtail.images import get_image_model

from champions.choices import ConsentKind
from champions.models import Consent
from champions.services.consents import consent_give
from champions.services.submissions import entry_already_submitted

from .. import audit
from ..cache import public_cache_clear
from ..models import StoryIndexPage, StoryPage
from .notifications import stories_unpublished_notify_staff
from .photos import images_hide, story_image_ids


@transaction.atomic
def stories_unpublish_without_consent(*, champion_id: int | None = None) -> list[StoryPage]:
    """Unpublish every live story that consent no longer allows (for one champion, or all).

    Idempotent: a second run finds nothing live to unpublish. The public page cache is purged
    either way, so no cached list or page outlives a consent that expired. Staff are told what
    came down, and their photos are hidden (cms.services.photos). Returns what it unpublished.
    """
    stories = StoryPage.objects.hidden().select_related("champion")
    if champion_id is not None:
        stories = stories.filter(champion_id=champion_id)
    unpublished = []
    for story in stories:
        story.unpublish(log_action=audit.UNPUBLISH_WITHOUT_CONSENT)
        unpublished.append(story)
    image_ids = set().union(*(story_image_ids(story) for story in unpublished))
    images_hide(images=get_image_model().objects.filter(pk__in=image_ids))
    if unpublished:
        transaction.on_commit(lambda: stories_unpublished_notify_staff(stories=unpublished))
    public_cache_clear()
    transaction.on_commit(public_cache_clear)
    return unpublished


@transaction.atomic
def story_draft_submit(
    *,
    champion,
    title: str,
    summary: str,
    text: str,
    photo=None,
    photo_alt: str = "",
    submission_key: uuid.UUID | None = None,
) -> StoryPage:
    """Create a champion's story as a draft and start the moderation workflow on it.

    Consent to publish (and for a photo, photo consent) is recorded if not already current.
    Sent again with the same `submission_key`, it returns the story already made.
    """
    index = StoryIndexPage.objects.first()
    if index is None:
        raise StoryIndexMissing("Stories cannot be submitted yet. Please try again later.")
    sent = entry_already_submitted(
        StoryPage.objects, champion=champion, submission_key=submission_key
    )
    if sent is not None:
        return sent
    _consents_record(champion=champion, photo=photo is not None)
    hero = _hero_image(champion=champion, title=title, photo=photo, alt=photo_alt)
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = [("paragraph", "".join(f"<p>{escape(p)}</p>" for p in paragraphs))]
    story = StoryPage(
        title=title,
        summary=summary,
        body=body,
        champion=champion,
        area=champion.area,
        hero_image=hero,
        hero_alt=photo_alt,
        owner=champion.user,
        live=False,
        submitted_by_champion=True,
        submission_key=submission_key,
    )
    index.add_child(instance=story)
    story.save_revision(user=champion.user, log_action=True)
    workflow = story.get_workflow()
    if workflow is not None:
        workflow.start(story, champion.user)
    return story


def _hero_image(*, champion, title: str, photo, alt: str):
    """The champion's photo as a Wagtail image, or None without one."""
    if photo is None:
        return None
    return get_image_model().objects.create(
        title=f"{title} (from {champion.preferred_name})",
        file=photo,
        uploaded_by_user=champion.user,
        description=alt,
    )


def _consents_record(*, champion, photo: bool) -> None:
    """Story consent (and photo consent with a photo), if not already current."""
    current = Consent.objects.current_for(champion)
    for kind, needed in ((ConsentKind.STORY, True), (ConsentKind.PHOTO, photo)):
        if needed and kind not in current:
            # The wording the story form showed (champions.wording) is the one recorded.
            consent_give(champion=champion, kind=kind)


class StoryIndexMissing(Exception):
    """There is no stories index page to put a champion's story under."""
