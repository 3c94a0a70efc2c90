"""Celery tasks for activity logs and expense claims; each is safe to run twice."""

from celery import shared_task

from .activity_services import activity_log_notify_decision, expense_claim_notify_decision


@shared_task
def notify_activity_decision(log_id: int) -> bool:
    return activity_log_notify_decision(log_id=log_id)


@shared_task
def notify_expense_decision(claim_id: int) -> bool:
    return expense_claim_notify_decision(claim_id=claim_id)
