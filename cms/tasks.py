from celery import shared_task

from .services import stories_unpublish_without_consent


@shared_task
def unpublish_stories_without_consent(champion_id: int | None = None) -> int:
    from champions.models import Champion

    champion = Champion.objects.filter(pk=champion_id).first() if champion_id else None
    if champion_id and champion is None:
        return 0
    return len(stories_unpublish_without_consent(champion=champion))
