from celery import shared_task
from django.utils import timezone


@shared_task(name="champions.tasks.flag_lapsed_champions")
def flag_lapsed_champions() -> int:
    """Nightly: flag active champions whose DBS or required training has lapsed."""
    from ..services.journey import champions_flag_lapsed

    return champions_flag_lapsed(today=timezone.localdate())


@shared_task(name="champions.tasks.award_anniversaries")
def award_anniversaries() -> int:
    """Daily: service anniversaries reached today, each recorded and announced once."""
    from ..services.recognition import anniversaries_award

    return anniversaries_award(today=timezone.localdate())
