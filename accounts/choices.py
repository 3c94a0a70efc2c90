from django.db import models


class Channel(models.TextChoices):
    EMAIL = "email", "E-mail"


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
