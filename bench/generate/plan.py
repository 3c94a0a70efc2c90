"""How many rows a scale gives, and what each step leaves for the later ones."""

import datetime
from dataclasses import dataclass, field

BASE = {
    "areas": 100,
    "champions": 10_000,
    "training_records": 200_000,
    "events": 50_000,
    "registrations": 1_000_000,
    "activity_logs": 1_000_000,
    "expense_claims": 100_000,
    "stories": 2_000,
    "outcomes": 500,
    "consultation_responses": 100_000,
}
# Bookings on events due for a reminder (part of the registrations above), and the size of
# the largest attendance register; both as the issue asks at N=1.
REMINDER_BOOKINGS = 10_000
REGISTER_SIZE = 200


@dataclass(frozen=True)
class Plan:
    """How many rows of each kind a scale gives."""

    scale: float
    counts: dict[str, int]

    @classmethod
    def for_scale(cls, scale: float) -> "Plan":
        if scale <= 0:
            raise ValueError("The scale must be more than 0.")
        return cls(scale, {name: max(1, round(n * scale)) for name, n in BASE.items()})

    def __getattr__(self, name):
        try:
            return self.counts[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def reminder_bookings(self) -> int:
        return min(max(1, round(REMINDER_BOOKINGS * self.scale)), self.registrations // 4)

    @property
    def register_size(self) -> int:
        return min(REGISTER_SIZE, self.champions)


@dataclass
class Programme:
    """What later steps need from earlier ones: ids and a few facts per row."""

    plan: Plan
    today: datetime.date
    now: datetime.datetime
    area_ids: list[int] = field(default_factory=list)
    staff_ids: list[int] = field(default_factory=list)
    coordinator_id: int = 0
    champion_ids: list[int] = field(default_factory=list)
    champion_user_ids: list[int] = field(default_factory=list)
    champion_stage: list[str] = field(default_factory=list)
    module_ids: list[int] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    event_start: list[datetime.datetime] = field(default_factory=list)
    event_kind: list[str] = field(default_factory=list)
    event_completed: list[bool] = field(default_factory=list)
    co_production_event_ids: list[int] = field(default_factory=list)
    parent_voice_item_ids: list[int] = field(default_factory=list)
    registration_sizes: list[int] = field(default_factory=list)
    n_reminder_events: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def story_subjects(self) -> list[int | None]:
        """The champion each story is about: every other story (they give story consent)."""
        n = len(self.champion_ids)
        return [
            self.champion_ids[(i * 7) % n] if i % 2 == 0 else None for i in range(self.plan.stories)
        ]

    def completed_events(self) -> list[int]:
        """Indexes (into event_ids) of the events that have happened."""
        return [e for e, completed in enumerate(self.event_completed) if completed]

    def at(self, day: datetime.date, hour: int) -> datetime.datetime:
        """`hour` o'clock on `day`, in the time zone of `now`."""
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=self.now.tzinfo)
