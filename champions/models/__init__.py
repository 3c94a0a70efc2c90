from .activity import ActivityFactor, ActivityLog
from .consents import Consent
from .expenses import ExpenseClaim
from .onboarding import OnboardingCheck
from .profile import Area, Champion, StageChange
from .reminders import RenewalReminder
from .supervision import SupervisionNote
from .training import TrainingModule, TrainingRecord

__all__ = [
    "ActivityFactor",
    "ActivityLog",
    "Area",
    "Champion",
    "Consent",
    "ExpenseClaim",
    "OnboardingCheck",
    "RenewalReminder",
    "StageChange",
    "SupervisionNote",
    "TrainingModule",
    "TrainingRecord",
]
