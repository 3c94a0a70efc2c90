from .activity import ActivityFactor, ActivityLog, ExpenseClaim
from .onboarding import Consent, OnboardingCheck, SupervisionNote
from .profile import Area, Champion, StageChange
from .reminders import RenewalReminder
from .training import TrainingModule, TrainingRecord

__all__ = [
    "Area",
    "Champion",
    "Consent",
    "OnboardingCheck",
    "RenewalReminder",
    "StageChange",
    "SupervisionNote",
    "TrainingModule",
    "TrainingRecord",
]

__all__ += ["ActivityFactor", "ActivityLog", "ExpenseClaim"]
