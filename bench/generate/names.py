"""Names and words (no Faker: the generator runs with production dependencies only), and the
fixed titles and addresses the runner looks records up by."""

PASSWORD = "bench-password-2026"  # noqa: S105 - benchmark accounts on a throwaway database
COORDINATOR_EMAIL = "bench-coordinator@example.org"
REGISTER_TITLE = "Attendance register: family hub open day"
REMINDER_TITLE = "Reminder test"
WORDING_VERSION = "2026-01"


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Aisha Amelia Ana Bogdan Chloe Daniel Demi Ewa Fatima Grace Hannah Imran Isla Jade Jamal "
    "Kasia Leah Liam Maria Maya Mohammed Nadia Noah Olivia Oscar Priya Rosie Ruth Sam Sana "
    "Sofia Tariq Tom Umar Yasmin Zara Zofia Kemi Bethan Callum"
)
LAST = _words(
    "Ahmed Bailey Brown Clarke Davies Evans Green Hughes Hussain Jackson James Jones Khan "
    "Kowalski Lewis Martin Murphy Nowak Okafor Patel Popescu Roberts Robinson Shah Smith "
    "Taylor Thomas Walker White Williams Wilson Wood Wright Young Begum Ali Campbell Reid"
)
PLACES = [
    "Milton",
    "Westborough",
    "Kursaal",
    "Victoria",
    "Shoebury",
    "Eastwood",
    "Leigh",
    "Chalkwell",
    "Prittlewell",
    "St Luke's",
    "Thorpe",
    "Belfairs",
    "Blenheim",
    "Southchurch",
    "Temple",
    "Hamstel",
    "Earls Hall",
    "Cliffs",
]
SIDES = ["North", "South", "East", "West", "Central", "Park", "Green", "Vale", "Hill", "Cross"]
TAGS = [
    "confidence",
    "health visiting",
    "languages",
    "dads",
    "mapping",
    "co-production",
    "early years",
    "mental health",
    "breastfeeding",
    "send",
    "childcare",
    "play",
]


def area_names(n: int) -> list[str]:
    names = [f"{p} {s}" for s in SIDES for p in PLACES]
    if n <= len(names):
        return names[:n]
    return [f"{names[i % len(names)]} {i // len(names) + 1}" for i in range(n)]


def person_name(i: int) -> tuple[str, str]:
    """The i-th (first, last) name: every first name with one last name, then the next."""
    return FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
