from .base import HomePage, StandardPage
from .outcomes import (
    OutcomeIndexPage,
    OutcomeMeetingLink,
    OutcomePage,
    OutcomeParentVoice,
    OutcomeRelatedStory,
)
from .programme import ImpactPage, PublicEventsPage
from .stories import StoryIndexPage, StoryPage, StoryPageTag

__all__ = [
    "HomePage",
    "ImpactPage",
    "OutcomeIndexPage",
    "OutcomeMeetingLink",
    "OutcomePage",
    "OutcomeParentVoice",
    "OutcomeRelatedStory",
    "PublicEventsPage",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
]
