from celery import shared_task


@shared_task(name="cms.tasks.unpublish_stories_without_consent")
def unpublish_stories_without_consent(champion_id: int | None = None) -> int:
    """Nightly (and for one champion on demand): take down live stories whose consent lapsed."""
    from ..services.stories import stories_unpublish_without_consent

    return len(stories_unpublish_without_consent(champion_id=champion_id))


@shared_task(name="cms.tasks.prune_former_champion_story_revisions")
def prune_former_champion_story_revisions() -> int:
    """Nightly: stories about former champions keep only their latest and live revisions."""
    from ..services.retention import former_champion_story_revisions_prune

    return former_champion_story_revisions_prune()
