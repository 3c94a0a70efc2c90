from django.db import models


class EventKind(models.TextChoices):
    ENGAGEMENT = "engagement", "Engagement event"
    CO_PRODUCTION = "co_production", "Co-production meeting"
    TRAINING = "training", "Training session"
    FOCUS_GROUP = "focus_group", "Focus group"
    MAPPING = "mapping", "Mapping session"
    STALL = "stall", "Community stall"
    SOCIAL = "social", "Social"
    WELCOME = "welcome", "Welcome session"


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


class AttendeeRole(models.TextChoices):
    PARENT = "parent", "Parent"
    PARTNER = "partner", "Partner organisation"
    RESEARCHER = "researcher", "Researcher"
    DECISION_MAKER = "decision_maker", "Decision maker"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Not taken forward"


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
# Kinds of event that keep a meeting record (agenda, parent voice, decisions, actions).
RECORDED_KINDS = (EventKind.CO_PRODUCTION, EventKind.FOCUS_GROUP, EventKind.MAPPING)


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Single choice"
    MULTIPLE = "multiple", "Multiple choice"
    RATING = "rating", "Rating scale"
    YES_NO = "yes_no", "Yes or no"
    FREE_TEXT = "free_text", "Free text"
    AGE_BAND = "age_band", "About you: child's age band"
    AREA = "area", "About you: ward"
    LANGUAGE = "language", "About you: language"


class ResponseChannel(models.TextChoices):
    ONLINE = "online", "Online"
    PAPER = "paper", "Paper"
    EVENT = "event", "At an event"


# "About you" questions: always optional, reported only in aggregate.
ABOUT_YOU_KINDS = (QuestionKind.AGE_BAND, QuestionKind.AREA, QuestionKind.LANGUAGE)
CHOICE_KINDS = (
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.RATING,
    QuestionKind.YES_NO,
    *ABOUT_YOU_KINDS,
)
AGE_BANDS = ("Expecting", "Under 1", "1 to 2", "3 to 4", "5 to 7", "8 or older")
LANGUAGES = ("English", "Polish", "Urdu", "Bengali", "Arabic", "Romanian", "Other")
YES_NO = (("yes", "Yes"), ("no", "No"))
OTHER = "other"
