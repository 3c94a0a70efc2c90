"""Background jobs for events; each calls one service and is safe to run twice."""

from celery import shared_task

from . import services


@shared_task
def send_promotion_notice(registration_id: int) -> bool:
    return services.registration_notify_promoted(registration_id=registration_id)


@shared_task
def notify_event_cancelled(event_id: int) -> int:
    return services.event_notify_cancelled(event_id=event_id)


@shared_task
def send_event_reminders() -> int:
    return services.event_reminders_send()


@shared_task
def send_coordinator_digest() -> int:
    return services.coordinator_digest_send()
