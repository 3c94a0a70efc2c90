from django.db import models


class Stage(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    ONBOARDING = "onboarding", "Onboarding"
    IN_TRAINING = "in_training", "In training"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ALUMNI = "alumni", "Alumni"
