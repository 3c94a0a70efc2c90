from .attendance import WalkIn
from .booking import Registration
from .consultations import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationResponse,
)
from .events import Event
from .feeds import CalendarFeed
from .meetings import Decision, MeetingAction, MeetingRecord, ParentVoiceItem
from .settings import EventsSettings

__all__ = [
    "CalendarFeed",
    "Consultation",
    "ConsultationAnswer",
    "ConsultationQuestion",
    "ConsultationResponse",
    "Decision",
    "Event",
    "EventsSettings",
    "MeetingAction",
    "MeetingRecord",
    "ParentVoiceItem",
    "Registration",
    "WalkIn",
]
