from .base import HomePage, StandardPage
from .outcomes import (
    OutcomeIndexPage,
    OutcomeMeetingLink,
    OutcomePage,
    OutcomeRelatedStory,
)
from .stories import StoryIndexPage, StoryPage, StoryPageTag

__all__ = [
    "HomePage",
    "OutcomeIndexPage",
    "OutcomeMeetingLink",
    "OutcomePage",
    "OutcomeRelatedStory",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
]
