import datetime

from celery import shared_task


@shared_task(name="cms.tasks.build_impact_pack")
def build_impact_pack(quarter: str, area_id: int | None, user_id: int, request_id: str) -> str:
    """Build a quarter's impact pack PDF and tell the coordinator who asked for it."""
    from ..services.impact_pack import impact_pack_build

    return impact_pack_build(
        quarter=datetime.date.fromisoformat(quarter),
        area_id=area_id,
        user_id=user_id,
        request_id=request_id,
    )
