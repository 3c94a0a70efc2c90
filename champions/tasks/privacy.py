from celery import shared_task


@shared_task(name="champions.tasks.anonymise_leavers")
def anonymise_leavers() -> int:
    """Nightly: anonymise alumni whose retention period after leaving has ended."""
    from ..services.privacy import leavers_anonymise

    return leavers_anonymise()
