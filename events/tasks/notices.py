from celery import shared_task


@shared_task(name="events.tasks.send_event_reminders")
def send_event_reminders() -> int:
    """Every 15 minutes: remind booked champions of events starting within the reminder hours."""
    from ..services.notices import event_reminders_send

    return event_reminders_send()
