"""How the public site answers signals and hooks: keeping the public page cache and published
stories in step with content and consent (connected in apps.py, hooks in wagtail_hooks.py)."""

from django.db import transaction

from accounts.columns import format_when
from champions.hooks import StaffRecordSection
from champions.selectors.privacy import export_rows

from .cache import public_cache_clear
from .models import StoryPage
from .services.stories import stories_unpublish_without_consent


def on_consent_withdrawn(sender, champion, kind, **kwargs):
    # At once, in the same request: the story must not be served a moment longer.
    stories_unpublish_without_consent(champion_id=champion.pk)
    on_content_changed(sender)


def on_content_changed(sender, **kwargs):
    # Now, so no request is served a stale copy, and again after commit, to retire any copy
    # cached from the old data by a request that ran in between.
    public_cache_clear()
    transaction.on_commit(public_cache_clear)


def on_champion_anonymising(sender, champion, **kwargs):
    """Stories stay, but no longer name the champion they were about."""
    StoryPage.objects.filter(champion=champion).update(champion=None)


def champion_data_export(champion) -> dict:
    """The champion's stories, for their data download."""
    stories = StoryPage.objects.filter(champion=champion)
    return {"stories": export_rows(stories, "title", "live", "first_published_at")}


def champion_staff_record(champion) -> StaffRecordSection:
    """The stories by or about the champion, for their admin record."""
    stories = StoryPage.objects.filter(champion=champion).order_by("-latest_revision_created_at")
    return StaffRecordSection(
        heading="Stories",
        columns=["Story", "Status", "First published"],
        rows=[
            [
                story.title,
                "Live" if story.live else "Not live",
                format_when(story.first_published_at) or "-",
            ]
            for story in stories
        ],
        empty="No stories.",
    )
