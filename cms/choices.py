from django.db import models


class OutcomeStatus(models.TextChoices):
    RAISED = "raised", "Raised"
    IN_PROGRESS = "in_progress", "In progress"
    ACHIEVED = "achieved", "Achieved"
    NOT_TAKEN_FORWARD = "not_taken_forward", "Not taken forward"
