from celery import shared_task


@shared_task(name="events.tasks.send_coordinator_digest")
def send_coordinator_digest() -> int:
    """Mondays: send each coordinator the weekly digest (once a week)."""
    from ..services.digest import coordinator_digest_send

    return coordinator_digest_send()
