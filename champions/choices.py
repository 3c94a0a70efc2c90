from django.db import models


class Stage(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    ONBOARDING = "onboarding", "Onboarding"
    IN_TRAINING = "in_training", "In training"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ALUMNI = "alumni", "Alumni"


class ContactPreference(models.TextChoices):
    EMAIL = "email", "E-mail"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"


class CheckKind(models.TextChoices):
    DBS = "dbs", "DBS check"
    REFERENCE_1 = "reference_1", "First reference"
    REFERENCE_2 = "reference_2", "Second reference"
    VOLUNTEER_AGREEMENT = "volunteer_agreement", "Volunteer agreement signed"
    ID_SEEN = "id_seen", "ID seen"


class CheckStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    COMPLETE = "complete", "Complete"
    FAILED = "failed", "Not passed"


class ConsentKind(models.TextChoices):
    CONTACT_EMAIL = "contact_email", "Contact by e-mail"
    CONTACT_TEXT = "contact_text", "Contact by text message"
    STORY = "story", "Publishing my story"
    PHOTO = "photo", "Using photos of me"


class SupervisionKind(models.TextChoices):
    CHECK_IN = "check_in", "Check-in"
    WELLBEING = "wellbeing", "Wellbeing"
    GOALS = "goals", "Goals agreed"


class TrainingCategory(models.TextChoices):
    CORE = "core", "Core induction"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    DATA_PROTECTION = "data_protection", "Confidentiality and data protection"
    CONFIDENCE = "confidence", "Communication and confidence"
    VOLUNTARY_SECTOR = "voluntary_sector", "Understanding the voluntary sector"
    CO_PRODUCTION = "co_production", "Co-production"
    SPECIALIST = "specialist", "Specialist topics"


class TrainingStatus(models.TextChoices):
    ENROLLED = "enrolled", "Enrolled"
    ATTENDED = "attended", "Attended"
    COMPLETED = "completed", "Completed"
    EXPIRED = "expired", "Expired"


class ProtectiveFactorCode(models.TextChoices):
    """The codes of the six Protective Factors (Strengthening Families): the keys of the
    ProtectiveFactor rows (models/factors.py), for code that names one factor."""

    NURTURING = "nurturing", "Nurturing and attachment"
    KNOWLEDGE = "knowledge", "Knowledge of parenting and child development"
    RESILIENCE = "resilience", "Parental resilience"
    CONNECTIONS = "connections", "Social connections"
    CONCRETE_SUPPORT = "concrete_support", "Concrete support in times of need"
    CHILD_COMPETENCE = "child_competence", "Social and emotional competence of children"


class ReminderKind(models.TextChoices):
    DBS = "dbs", "DBS renewal"
    TRAINING = "training", "Training expiry"


# Activity logs and expense claims
# ------------------------------------------------------------------------------


class ActivityKind(models.TextChoices):
    ENGAGEMENT = "engagement", "Engagement event"
    CO_PRODUCTION = "co_production", "Co-production meeting"
    PEER_SUPPORT = "peer_support", "Peer support"
    OUTREACH = "outreach", "Outreach or stall"
    RESEARCH_PANEL = "research_panel", "Research panel"
    TRAINING = "training", "Training"
    ONLINE = "online", "Online or social media"
    OTHER = "other", "Other"


class ActivityStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for review"
    APPROVED = "approved", "Approved"
    QUERIED = "queried", "Question from staff"
    REJECTED = "rejected", "Not approved"


class ExpenseCategory(models.TextChoices):
    TRAVEL = "travel", "Travel"
    CHILDCARE = "childcare", "Childcare"
    SUBSISTENCE = "subsistence", "Food and drink"
    OTHER = "other", "Other"


class ExpenseStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for review"
    APPROVED = "approved", "Approved, to be paid"
    REJECTED = "rejected", "Not approved"
    PAID = "paid", "Paid"


class ConcernStatus(models.TextChoices):
    OPEN = "open", "Open"
    REFERRED = "referred", "Referred on"
    CLOSED = "closed", "Closed"


class MilestoneKind(models.TextChoices):
    HOURS = "hours", "Hours volunteered"
    ANNIVERSARY = "anniversary", "Years of service"
