from celery import shared_task


@shared_task(name="accounts.tasks.deliver_outbox_messages")
def deliver_outbox_messages(message_ids: list[int]) -> int:
    """Send queued outbox messages, each once; safe to run twice."""
    from ..services.outbox import outbox_messages_deliver

    return outbox_messages_deliver(ids=message_ids)


@shared_task(name="accounts.tasks.clear_old_outbox_bodies")
def clear_old_outbox_bodies() -> int:
    """Nightly: old messages keep only their delivery record."""
    from ..services.outbox import outbox_bodies_clear

    return outbox_bodies_clear()
