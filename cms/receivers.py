"""How the public site answers signals and hooks: keeping the public page cache and published
stories in step with content and consent (connected in apps.py, hooks in wagtail_hooks.py)."""

from django.db import transaction
from wagtail.models import PageLogEntry

from champions.choices import ConsentKind
from champions.selectors.privacy import export_rows

from .cache import public_cache_clear
from .models import StoryPage
from .services.photos import (
    champion_images,
    images_erase,
    images_hide,
    images_restore,
    story_image_ids,
)
from .services.search import search_index_compact
from .services.stories import stories_unpublish_without_consent


def on_consent_withdrawn(sender, champion, kind, **kwargs):
    # At once, in the same request: the story must not be served a moment longer.
    stories_unpublish_without_consent(champion_id=champion.pk)
    if kind in (ConsentKind.STORY, ConsentKind.PHOTO):
        images_hide(images=champion_images(champion=champion))
    on_content_changed(sender)


def on_story_published(sender, instance, **kwargs):
    # Publishing needs current consent, so photos hidden when it lapsed may be shown again.
    images_restore(image_ids=story_image_ids(instance))


def on_content_changed(sender, **kwargs):
    # Now, so no request is served a stale copy, and again after commit, to retire any copy
    # cached from the old data by a request that ran in between.
    public_cache_clear()
    transaction.on_commit(public_cache_clear)


def on_champion_anonymising(sender, champion, **kwargs):
    """Stories about the champion go, with their revisions, history and photos."""
    images = list(champion_images(champion=champion))
    stories = list(StoryPage.objects.filter(champion=champion))
    story_ids = [story.pk for story in stories]
    for story in stories:
        story.delete()
    # Deleting a page logs its title ("wagtail.delete"); the history must not name them.
    PageLogEntry.objects.filter(page_id__in=story_ids).delete()
    images_erase(images=images)
    search_index_compact()


def champion_data_export(champion) -> dict:
    """The champion's stories, for their data download."""
    stories = StoryPage.objects.filter(champion=champion)
    return {"stories": export_rows(stories, "title", "live", "first_published_at")}
