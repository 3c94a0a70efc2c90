"""Reads for training: the required modules and a champion's transcript."""

from ..choices import TrainingStatus
from ..models import Champion, TrainingModule, TrainingRecord


def training_modules_required() -> list[TrainingModule]:
    """The modules a champion must have completed (and in date) to be active."""
    return list(TrainingModule.objects.filter(required_for_activation=True))


def training_records_for_transcript(champion: Champion) -> list[TrainingRecord]:
    """The champion's training records for the PDF transcript, in catalogue order."""
    return list(
        TrainingRecord.objects.filter(champion=champion)
        .select_related("module")
        .exclude(status=TrainingStatus.ENROLLED)
    )
