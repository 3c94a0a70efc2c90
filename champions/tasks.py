"""Background jobs for the champions programme: thin wrappers around services, safe to rerun."""

from celery import shared_task
from django.utils import timezone

from . import services
from .privacy import leavers_anonymise


@shared_task
def expire_lapsed_training() -> int:
    """Nightly: completions past their expiry date become "expired"."""
    return services.training_records_expire(today=timezone.localdate())


@shared_task
def flag_lapsed_champions() -> int:
    """Nightly: flag active champions whose DBS or required training has lapsed."""
    return services.champions_flag_lapsed(today=timezone.localdate())


@shared_task
def send_renewal_reminders() -> int:
    """Daily: e-mail champions 30 and 7 days before a DBS renewal or training expiry."""
    return services.renewal_reminders_send(today=timezone.localdate())


@shared_task
def anonymise_leavers() -> int:
    return leavers_anonymise()
