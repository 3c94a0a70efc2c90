"""Writes for supervision: the champion's own reflection after a session."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import audit
from ..models import SupervisionNote, SupervisionReflection


@transaction.atomic
def supervision_reflect(
    *, supervision: SupervisionNote, by, went_well: str, needs: str
) -> SupervisionReflection:
    """Save the champion's reflection on one of their supervisions (written again, replaced)."""
    if supervision.champion.user_id != by.pk:
        raise PermissionDenied("Only the champion reflects on their supervision.")
    reflection, _ = SupervisionReflection.objects.update_or_create(
        supervision=supervision,
        defaults={
            "went_well": went_well.strip(),
            "needs": needs.strip(),
            "written_at": timezone.now(),
        },
    )
    log(
        instance=supervision.champion,
        action=audit.CHANGE_RECORD,
        user=by,
        data={"model": "supervision reflection", "id": reflection.pk, "change": "saved"},
    )
    return reflection
