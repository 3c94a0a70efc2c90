"""How the public site answers signals and hooks: keeping the public page cache and published
stories in step with content and consent (connected in apps.py, hooks in wagtail_hooks.py)."""

from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from accounts.columns import format_when
from accounts.storage import private_storage
from champions.choices import ActivityStatus, ConsentKind
from champions.hooks import StaffRecordSection
from champions.selectors.privacy import export_rows, note_exported

from .cache import figures_cache_clear, public_cache_clear
from .models import PublicEventsPage, StoryPage
from .models.stories import StoryPageTag
from .services.moderation import story_moderation_open_to_coordinators
from .services.photos import (
    WITHDRAWN_PREFIX,
    champion_images,
    images_erase,
    images_hide,
    images_restore,
    story_image_ids,
)
from .services.search import search_index_compact
from .services.stories import stories_unpublish_without_consent


def on_story_index_created(sender, instance, created, raw=False, **kwargs):
    """A new stories index is moderated by the coordinators (cms/services/moderation.py)."""
    if created and not raw:
        story_moderation_open_to_coordinators(index=instance)


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


def on_figures_changed(sender, **kwargs):
    # Like on_content_changed: now, and again after commit (a request may have cached the
    # old figures in between).
    figures_cache_clear()
    transaction.on_commit(figures_cache_clear)


def on_activity_log_saved(sender, instance, **kwargs):
    """Approved hours are in the impact figures: a log approved, changed while approved, or
    no longer approved retires them."""
    if ActivityStatus.APPROVED in (instance.status, instance.status_when_loaded):
        on_figures_changed(sender)


def on_activity_log_deleted(sender, instance, **kwargs):
    if instance.status == ActivityStatus.APPROVED:
        on_figures_changed(sender)


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
    """Stories about the champion with their text, revisions, moderation and history, and
    the images of them, for their data download."""
    stories = StoryPage.objects.filter(champion=champion).prefetch_related(
        "tags", "protective_factors"
    )
    ids = [story.pk for story in stories]
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids])
    workflow_states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in ids],
    ).select_related("workflow")
    note_exported(StoryPageTag)
    return {
        "stories": export_rows(
            stories,
            *("title", "summary", "body", "hero_alt", "tags", "protective_factors", "live"),
            *("first_published_at", "last_published_at", "url_path"),
        ),
        "story_revisions": export_rows(revisions, "object_id", "created_at", "content"),
        "story_moderation": export_rows(
            workflow_states, "object_id", "workflow__name", "status", "created_at"
        ),
        "story_moderation_steps": export_rows(
            TaskState.objects.filter(workflow_state__in=workflow_states).select_related("task"),
            *("workflow_state__object_id", "task__name", "status", "started_at", "finished_at"),
            "comment",
        ),
        "story_history": export_rows(
            PageLogEntry.objects.filter(page_id__in=ids), "page_id", "timestamp", "action"
        ),
        "images": export_rows(
            champion_images(champion=champion), "title", "description", "file", "created_at"
        ),
    }


def champion_data_files(champion) -> list:
    """The original of every image of the champion, wherever consent has put it."""
    files = []
    for image in champion_images(champion=champion):
        name = PurePosixPath(image.file.name).name
        hidden = WITHDRAWN_PREFIX + image.file.name
        file = private_storage.open(hidden) if private_storage.exists(hidden) else image.file
        files.append((f"files/images/{name}", file))
    return files


def public_events_path() -> str | None:
    """The events app's hook: the live "What's on" page lists public events (events/hooks.py)."""
    page = PublicEventsPage.objects.live().first()
    return page.url if page else None


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
