from .activity import ActivityFactor, ActivityLog
from .consents import Consent
from .expenses import ExpenseClaim
from .factors import ProtectiveFactor
from .messages import GroupMessage
from .onboarding import OnboardingCheck
from .profile import Area, Champion, StageChange
from .settings import ChampionsSettings
from .supervision import SupervisionNote
from .training import TrainingModule, TrainingRecord

__all__ = [
    "ActivityFactor",
    "ActivityLog",
    "Area",
    "Champion",
    "ChampionsSettings",
    "Consent",
    "ExpenseClaim",
    "GroupMessage",
    "OnboardingCheck",
    "ProtectiveFactor",
    "StageChange",
    "SupervisionNote",
    "TrainingModule",
    "TrainingRecord",
]
