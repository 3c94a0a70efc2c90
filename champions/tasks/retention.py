from celery import shared_task


@shared_task(name="champions.tasks.drop_dbs_certificate_numbers")
def drop_dbs_certificate_numbers() -> int:
    """Nightly: blank DBS certificate numbers once the retention period after the check ends."""
    from ..services.retention import dbs_certificate_numbers_drop

    return dbs_certificate_numbers_drop()


@shared_task(name="champions.tasks.delete_old_receipts")
def delete_old_receipts() -> int:
    """Nightly: delete receipt files older than the finance period."""
    from ..services.retention import receipts_delete_old

    return receipts_delete_old()
