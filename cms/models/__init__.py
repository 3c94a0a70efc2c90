from .base import PublicCacheMixin
from .become import BecomeChampionPage
from .home import HomePage
from .outcomes import (
    OutcomeConsultationResult,
    OutcomeIndexPage,
    OutcomeMeetingLink,
    OutcomePage,
    OutcomeParentVoice,
    OutcomeRelatedStory,
)
from .programme import ImpactPage, PublicEventsPage
from .standard import StandardPage
from .stories import StoryIndexPage, StoryPage, StoryPageTag

__all__ = [
    "BecomeChampionPage",
    "HomePage",
    "ImpactPage",
    "OutcomeConsultationResult",
    "OutcomeIndexPage",
    "OutcomeMeetingLink",
    "OutcomePage",
    "OutcomeParentVoice",
    "OutcomeRelatedStory",
    "PublicCacheMixin",
    "PublicEventsPage",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
]
