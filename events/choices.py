from django.db import models


class EventKind(models.TextChoices):
    ENGAGEMENT = "engagement", "Engagement event"
    CO_PRODUCTION = "co_production", "Co-production meeting"
    TRAINING = "training", "Training session"
    FOCUS_GROUP = "focus_group", "Focus group"
    MAPPING = "mapping", "Mapping session"
    STALL = "stall", "Community stall"
    SOCIAL = "social", "Social"


class Audience(models.TextChoices):
    PUBLIC = "public", "Public"
    CHAMPIONS = "champions", "Champions only"
    INVITED = "invited", "Invited only"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"


class RegistrationStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "Waiting list"
    CANCELLED = "cancelled", "Cancelled"
