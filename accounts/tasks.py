from smtplib import SMTPException

from celery import shared_task

from .services import account_email_send, unverified_accounts_purge


@shared_task
def purge_unverified_accounts() -> int:
    return unverified_accounts_purge()


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, max_retries=5)
def send_account_email(message: dict) -> None:
    """Deliver an e-mail allauth rendered, away from the request (see AccountAdapter.send_mail)."""
    account_email_send(**message)
