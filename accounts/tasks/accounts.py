from smtplib import SMTPException

from celery import shared_task


@shared_task(name="accounts.tasks.purge_unverified_accounts")
def purge_unverified_accounts() -> int:
    """Nightly: delete sign-ups whose e-mail was never confirmed in time."""
    from ..services.accounts import unverified_accounts_purge

    return unverified_accounts_purge()


@shared_task(
    name="accounts.tasks.send_account_email",
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    max_retries=5,
)
def send_account_email(message: dict) -> None:
    """Deliver an e-mail allauth rendered, away from the request (see AccountAdapter.send_mail)."""
    from ..services.accounts import account_email_send

    account_email_send(**message)
