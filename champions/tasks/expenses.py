from celery import shared_task


@shared_task(name="champions.activity_tasks.notify_expense_decision")
def notify_expense_decision(claim_id: int) -> bool:
    """E-mail the champion the refusal or payment of their expense claim (once)."""
    from ..services.expenses import expense_claim_notify_decision

    return expense_claim_notify_decision(claim_id=claim_id)
