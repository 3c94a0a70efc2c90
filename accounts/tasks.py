from celery import shared_task

from .services import unverified_accounts_purge


@shared_task
def purge_unverified_accounts() -> int:
    return unverified_accounts_purge()
