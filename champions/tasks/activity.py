from celery import shared_task


@shared_task(name="champions.activity_tasks.notify_activity_decision")
def notify_activity_decision(log_id: int) -> bool:
    """E-mail the champion a question about, or refusal of, their activity log (once)."""
    from ..services.activity import activity_log_notify_decision

    return activity_log_notify_decision(log_id=log_id)
