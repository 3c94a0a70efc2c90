from celery import shared_task


@shared_task(name="champions.tasks.send_group_message")
def send_group_message(message_id: int) -> int:
    """Write each recipient's copy of a group message to the outbox; safe to run twice."""
    from ..services.messages import group_message_queue

    return group_message_queue(message_id=message_id)
