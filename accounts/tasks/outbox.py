from celery import shared_task


@shared_task(name="accounts.tasks.deliver_outbox_messages")
def deliver_outbox_messages(message_ids: list[int]) -> int:
    """Send queued outbox messages, each once; safe to run twice."""
    from ..services.outbox import outbox_messages_deliver

    return outbox_messages_deliver(ids=message_ids)
