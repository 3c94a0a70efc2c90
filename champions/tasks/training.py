from celery import shared_task
from django.utils import timezone


@shared_task(name="champions.tasks.expire_lapsed_training")
def expire_lapsed_training() -> int:
    """Nightly: completions past their expiry date become "expired"."""
    from ..services.training import training_records_expire

    return training_records_expire(today=timezone.localdate())
