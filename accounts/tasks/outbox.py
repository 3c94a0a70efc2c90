from celery import shared_task


@shared_task(name="accounts.tasks.deliver_outbox_messages", bind=True)
def deliver_outbox_messages(self, message_ids: list[int]) -> int:
    """Send queued outbox messages, each once; safe to run twice."""
    from ..services.delivery import outbox_messages_deliver

    return outbox_messages_deliver(ids=message_ids, task_id=self.request.id or "")


@shared_task(name="accounts.tasks.sweep_outbox")
def sweep_outbox() -> int:
    """Every minute: deliver messages left queued (broker was down, worker died, retry due)."""
    from ..services.outbox import outbox_sweep

    return outbox_sweep()


@shared_task(name="accounts.tasks.clear_old_outbox_bodies")
def clear_old_outbox_bodies() -> int:
    """Nightly: old messages keep only their delivery record."""
    from ..services.outbox import outbox_bodies_clear

    return outbox_bodies_clear()
