from celery import shared_task


@shared_task(name="accounts.tasks.purge_unverified_accounts")
def purge_unverified_accounts() -> int:
    """Nightly: delete sign-ups whose e-mail was never confirmed in time."""
    from ..services.accounts import unverified_accounts_purge

    return unverified_accounts_purge()
