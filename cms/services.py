"""Writes for the public site: keeping published stories in line with champions' consent."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from accounts.models import COORDINATORS

from .models import StoryPage
from .selectors import hidden_story_ids


@transaction.atomic
def stories_unpublish_without_consent(*, champion=None) -> list[StoryPage]:
    """Unpublish every live story that consent no longer allows (for one champion, or all).

    Idempotent: a second run finds nothing live to unpublish. Returns what it unpublished.
    """
    stories = StoryPage.objects.filter(pk__in=hidden_story_ids()).select_related("champion")
    if champion is not None:
        stories = stories.filter(champion=champion)
    unpublished = []
    for story in stories:
        story.unpublish(log_action="cms.consent_unpublish")
        unpublished.append(story)
    if unpublished:
        transaction.on_commit(lambda: _notify_staff(unpublished))
    return unpublished


def _notify_staff(stories):
    recipients = staff_notification_recipients()
    if not recipients:
        return
    body = render_to_string("cms/email/stories_unpublished.txt", {"stories": stories})
    send_mail(
        f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} unpublished: consent withdrawn",
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def staff_notification_recipients() -> list[str]:
    if settings.STAFF_NOTIFICATION_EMAIL:
        return [settings.STAFF_NOTIFICATION_EMAIL]
    return list(
        get_user_model()
        .objects.filter(groups__name=COORDINATORS, is_active=True)
        .values_list("email", flat=True)
        .distinct()
    )


@transaction.atomic
def story_draft_submit(
    *, champion, title: str, summary: str, text: str, photo=None, photo_alt: str = ""
) -> StoryPage:
    """Create a champion's story as a draft and start the moderation workflow on it.

    Consent to publish (and for a photo, photo consent) is recorded if not already current.
    """
    from django.utils.html import escape
    from wagtail.images import get_image_model

    from champions.choices import ConsentKind
    from champions.models import Consent
    from champions.services.consents import consent_give

    from .models import StoryIndexPage

    index = StoryIndexPage.objects.first()
    if index is None:
        raise StoryIndexMissing("Stories cannot be submitted yet. Please try again later.")
    current = Consent.objects.current_for(champion)
    for kind, needed in ((ConsentKind.STORY, True), (ConsentKind.PHOTO, photo is not None)):
        if needed and kind not in current:
            consent_give(champion=champion, kind=kind)
    hero = None
    if photo is not None:
        hero = get_image_model().objects.create(
            title=f"{title} (from {champion.preferred_name})",
            file=photo,
            uploaded_by_user=champion.user,
            description=photo_alt,
        )
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
    )
    index.add_child(instance=story)
    story.save_revision(user=champion.user, log_action=True)
    workflow = story.get_workflow()
    if workflow is not None:
        workflow.start(story, champion.user)
    return story


class StoryIndexMissing(Exception):
    """There is no stories index page to put a champion's story under."""


def story_state_for_champion(story: StoryPage) -> str:
    """What the champion sees about their story: published, in review, changes asked, draft."""
    if story.live:
        return "Published"
    state = story.current_workflow_state
    if state is None:
        return "Not published"
    if state.status == state.STATUS_NEEDS_CHANGES:
        return "Changes requested"
    return "Waiting for review"
