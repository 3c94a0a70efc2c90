from celery import shared_task
from django.utils import timezone


@shared_task(name="champions.tasks.send_renewal_reminders")
def send_renewal_reminders() -> int:
    """Daily: e-mail champions 30 and 7 days before a DBS renewal or training expiry."""
    from ..services.reminders import renewal_reminders_send

    return renewal_reminders_send(today=timezone.localdate())
