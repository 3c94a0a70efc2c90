"""The demo programme's fixed data: wards, the training catalogue, names and notes."""

from ..choices import Stage, SupervisionKind, TrainingCategory

SEED = 2026

WARDS = [
    "Kursaal",
    "Milton",
    "Victoria",
    "Westborough",
    "St Luke's",
    "Shoeburyness",
    "Southchurch",
    "Blenheim Park",
]

# title, category, hours, required, validity in months, description
MODULES = [
    (
        "Core induction",
        TrainingCategory.CORE,
        "3",
        True,
        None,
        "What the programme is for, how it works, expenses, and who to ask for help.",
    ),
    (
        "Safeguarding children and adults",
        TrainingCategory.SAFEGUARDING,
        "3",
        True,
        24,
        "Recognising signs of harm, what to do and who to tell. Renewed every two years.",
    ),
    (
        "Confidentiality and data protection",
        TrainingCategory.DATA_PROTECTION,
        "2",
        True,
        24,
        "Keeping what families tell you safe; UK GDPR in plain English.",
    ),
    (
        "Communication and confidence",
        TrainingCategory.CONFIDENCE,
        "4",
        True,
        None,
        "Speaking up in meetings, listening well, and sharing parents' views fairly.",
    ),
    (
        "Understanding the voluntary sector",
        TrainingCategory.VOLUNTARY_SECTOR,
        "2",
        False,
        None,
        "Charities, community groups and commissioners: who does what locally.",
    ),
    (
        "Co-production in practice",
        TrainingCategory.CO_PRODUCTION,
        "3",
        False,
        None,
        "Working as equals with the people who design and run services.",
    ),
    (
        "Perinatal mental health awareness",
        TrainingCategory.SPECIALIST,
        "2.5",
        False,
        36,
        "Spotting when a parent may be struggling and signposting to support.",
    ),
    (
        "Paediatric first aid",
        TrainingCategory.SPECIALIST,
        "6",
        False,
        36,
        "Emergency first aid for babies and young children, for events with families.",
    ),
]

FIRST_NAMES = [
    "Aisha", "Amelia", "Bethany", "Chloe", "Danielle", "Ebony", "Fatima", "Gemma", "Hannah",
    "Imani", "Jade", "Kirsty", "Leanne", "Maria", "Nadia", "Olivia", "Paige", "Rachel", "Sadia",
    "Tasha", "Victoria", "Zainab", "Agnieszka", "Joanna", "Shanice", "Roxanne", "Kelly",
    "Laura", "Abimbola", "Mehreen", "Daniel", "Marcus", "Tom", "Jamal", "Ryan", "Kwame", "Liam",
]  # fmt: skip
LAST_NAMES = [
    "Adeyemi", "Ahmed", "Baker", "Begum", "Clarke", "Cooper", "Davies", "Evans", "Green",
    "Hughes", "Hussain", "Jones", "Khan", "Kowalska", "Lewis", "Mensah", "Morris", "Nowak",
    "Okoro", "Patel", "Price", "Roberts", "Shah", "Smith", "Taylor", "Turner", "Walker", "Wood",
]  # fmt: skip
LANGUAGES = ["English", "English, Polish", "English, Urdu", "English, Bengali", "English, Yoruba",
             "English, Romanian", "English, Turkish", "English, Lithuanian"]  # fmt: skip
HEARD_ABOUT = [
    "Health visitor",
    "Children's centre stay and play",
    "A friend who is a champion",
    "Facebook group",
    "School newsletter",
    "Library baby rhyme time",
    "GP surgery poster",
]
NOTES = {
    SupervisionKind.CHECK_IN: [
        "Talked through the last co-production meeting; felt more confident speaking this time.",
        "Catch-up call. Enjoying the stay-and-play outreach; would like to try a focus group.",
        "Reviewed expenses process; childcare claim explained again, no problems.",
    ],
    SupervisionKind.WELLBEING: [
        "Busy month at home with a new baby; agreed to pause outreach shifts for a few weeks.",
        "Feeling a bit isolated between events; suggested the monthly champions' coffee morning.",
        "Reported a difficult conversation at a stall; debriefed, no safeguarding concern.",
    ],
    SupervisionKind.GOALS: [
        "Goal: co-chair a parent panel by the spring. Will shadow the next meeting first.",
        "Goal: complete paediatric first aid so she can help at the summer family fun day.",
        "Goal: bring two parents from the Polish community group to the next mapping session.",
    ],
}

# How many demo champions are at each stage (37 in all, as in the Southend programme).
STAGE_COUNTS = [
    (Stage.ENQUIRY, 4),
    (Stage.ONBOARDING, 5),
    (Stage.IN_TRAINING, 7),
    (Stage.ACTIVE, 15),
    (Stage.PAUSED, 3),
    (Stage.ALUMNI, 3),
]
JOURNEY = [Stage.ENQUIRY, Stage.ONBOARDING, Stage.IN_TRAINING, Stage.ACTIVE]
