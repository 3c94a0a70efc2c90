from .activity import ActivityFactor, ActivityLog
from .consents import Consent
from .coordinators import CoordinatorProfile
from .expenses import ExpenseClaim
from .factors import ProtectiveFactor
from .goals import Goal, GoalNote
from .messages import GroupMessage
from .onboarding import OnboardingCheck
from .profile import Area, Champion, StageChange
from .recognition import Commendation, Milestone
from .report_summary import ActivitySummary
from .safeguarding import PolicyConfirmation, SafeguardingConcern
from .settings import ChampionsSettings
from .supervision import SupervisionNote, SupervisionReflection
from .training import TrainingModule, TrainingRecord

__all__ = [
    "ActivityFactor",
    "ActivityLog",
    "ActivitySummary",
    "Area",
    "Champion",
    "ChampionsSettings",
    "Commendation",
    "Consent",
    "CoordinatorProfile",
    "ExpenseClaim",
    "Goal",
    "GoalNote",
    "GroupMessage",
    "Milestone",
    "OnboardingCheck",
    "PolicyConfirmation",
    "ProtectiveFactor",
    "SafeguardingConcern",
    "StageChange",
    "SupervisionNote",
    "SupervisionReflection",
    "TrainingModule",
    "TrainingRecord",
]
