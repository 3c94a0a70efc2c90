"""Demo events, bookings, attendance and meeting records: a year around today, every kind."""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts import demo as accounts_demo
from champions.choices import CheckKind, Stage, TrainingCategory
from champions.choices import ProtectiveFactorCode as PF
from champions.models import Area, Champion, OnboardingCheck, TrainingModule, TrainingRecord

from ..choices import (
    ActionStatus,
    AttendeeRole,
    Audience,
    EventKind,
    EventStatus,
    RegistrationStatus,
)
from ..models import Decision, Event, MeetingAction, MeetingRecord, ParentVoiceItem, Registration
from ..services.attendance import WalkInData, attendance_record
from ..services.feeds import calendar_feed_for
from . import consultations

SEED = 5

TITLES = {
    EventKind.ENGAGEMENT: ["Stay and play drop-in", "Family fun day", "Parents' coffee morning"],
    EventKind.CO_PRODUCTION: [
        "Health visiting co-production group",
        "Family Hub design meeting",
        "Early years partnership board",
    ],
    EventKind.TRAINING: ["Training: {module}"],
    EventKind.FOCUS_GROUP: [
        "Focus group: infant feeding support",
        "Focus group: perinatal mental health",
        "Focus group: getting to appointments",
    ],
    EventKind.MAPPING: ["Mapping session: support from bump to five", "Community asset mapping"],
    EventKind.STALL: ["Community stall at the library", "Stall at the Saturday market"],
    EventKind.SOCIAL: ["Champions' picnic", "Champions' thank-you evening"],
    EventKind.WELCOME: ["Welcome session for new champions", "Welcome coffee morning"],
}
VENUES = [
    ("Family Hub", "12 Victoria Avenue"),
    ("St Mark's Community Centre", "4 Church Road"),
    ("Central Library, Room 2", "Market Place"),
    ("Children's Centre", "88 Park Lane"),
    ("Civic Centre, Committee Room 1", "Victoria Avenue"),
]
PARTNERS = [
    (AttendeeRole.PARTNER, "Family Hub team"),
    (AttendeeRole.PARTNER, "Health visiting service"),
    (AttendeeRole.PARTNER, "Citizens Advice"),
    (AttendeeRole.RESEARCHER, "University research team"),
    (AttendeeRole.DECISION_MAKER, "City Council early years commissioning"),
    (AttendeeRole.DECISION_MAKER, "Integrated Care Board"),
]
VOICES = [
    ("Clinic appointments clash with the school run", [PF.CONCRETE_SUPPORT]),
    ("Dads feel invisible at baby groups", [PF.CONNECTIONS, PF.NURTURING]),
    ("Nobody told us about the free childcare hours", [PF.KNOWLEDGE, PF.CONCRETE_SUPPORT]),
    ("Low mood after the birth was not picked up", [PF.RESILIENCE]),
    ("Leaflets are only in English", [PF.KNOWLEDGE]),
    ("We want somewhere to meet other parents in the evening", [PF.CONNECTIONS]),
    ("Bus fares make it hard to get to the Family Hub", [PF.CONCRETE_SUPPORT]),
    ("Help with toddler tantrums would be welcome", [PF.CHILD_COMPETENCE, PF.KNOWLEDGE]),
    ("Breastfeeding support stops at weekends", [PF.NURTURING, PF.CONCRETE_SUPPORT]),
    ("Waiting lists for speech and language are too long", [PF.CHILD_COMPETENCE]),
]
DECISIONS = [
    "Pilot a Saturday morning clinic for three months",
    "Translate the welcome pack into the five most spoken languages",
    "Champions to co-design the new Family Hub timetable",
    "Add a dads' session to the stay-and-play programme",
    "Report back on bus fare support at the next meeting",
]
ACTIONS = [
    ("Share clinic attendance figures", "Health visiting lead"),
    ("Draft the translated welcome pack", "Family Hub manager"),
    ("Ask the bus company about family tickets", "Council transport officer"),
    ("Book a room for the dads' session", "Programme coordinator"),
    ("Write up the focus group findings", "University research team"),
]

# Capacity per kind; None is unlimited.
CAPACITY = {
    EventKind.ENGAGEMENT: 30,
    EventKind.CO_PRODUCTION: 12,
    EventKind.TRAINING: 10,
    EventKind.FOCUS_GROUP: 6,
    EventKind.MAPPING: 15,
    EventKind.STALL: None,
    EventKind.SOCIAL: 25,
    EventKind.WELCOME: 12,
}


# No event on Christmas Eve, Christmas Day, Boxing Day or New Year's Day; training and meetings
# with services on weekdays only.
CLOSED_DAYS = {(12, 24), (12, 25), (12, 26), (1, 1)}
WEEKDAYS_ONLY = {EventKind.TRAINING, EventKind.CO_PRODUCTION, EventKind.FOCUS_GROUP}


def event_day(kind: str, title: str, day: datetime.date) -> datetime.date:
    """The first day from `day` that an event like this would really be held on."""
    while True:
        if "Saturday" in title and day.weekday() != 5:
            day += datetime.timedelta(days=(5 - day.weekday()) % 7)
        elif (day.month, day.day) in CLOSED_DAYS or (kind in WEEKDAYS_ONLY and day.weekday() >= 5):
            day += datetime.timedelta(days=1)
        else:
            return day


def _areas():
    areas = list(Area.objects.all())
    if not areas:
        areas = [
            Area.objects.create(name=name, slug=slugify(name))
            for name in ("Milton", "Kursaal", "Westborough")
        ]
    return areas


def _training_module():
    module = TrainingModule.objects.order_by("display_order", "title").first()
    if module is None:
        module, _ = TrainingModule.objects.get_or_create(
            title="Co-production: working with decision makers",
            defaults={"category": TrainingCategory.CO_PRODUCTION, "hours": 3},
        )
    return module


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@transaction.atomic
def load(*, staff):
    """Called by cms.demo.load_all after champions exist; uses whatever champions exist."""
    rng = random.Random(SEED)
    today = timezone.localdate()
    now = timezone.now()
    areas = _areas()
    module = _training_module()
    champions = list(
        Champion.objects.exclude(stage=Stage.ALUMNI).select_related("user").order_by("pk")
    )
    with_dbs = {
        check.champion_id
        for check in OnboardingCheck.objects.filter(kind=CheckKind.DBS)
        if check.is_in_date(today)
    }
    demo_champion = Champion.objects.filter(user__email=accounts_demo.CHAMPION_EMAIL).first()
    # Nobody books a session of a module they had already completed.
    completed = dict(
        TrainingRecord.objects.filter(module=module, completed_on__isnull=False).values_list(
            "champion_id", "completed_on"
        )
    )
    kinds = list(EventKind)
    events = []
    for i in range(84):  # about one every four days across a year around today
        kind = kinds[i % len(kinds)]
        day = today + datetime.timedelta(days=-182 + i * 4 + rng.randint(0, 2))
        events.append(_make_event(rng, kind, day, areas, module, champions, staff))

    for event in events:
        eligible = [
            c
            for c in champions
            if (not event.requires_dbs or c.pk in with_dbs)
            and (event.audience != Audience.INVITED or c in event.invited_list)
            and not _completed_before(event, completed.get(c.pk))
        ]
        _book(rng, event, eligible, now, demo_champion)
        if event.status == EventStatus.CANCELLED or event.starts_at > now:
            continue
        _take_attendance(rng, event, staff)
        if event.kind in (EventKind.CO_PRODUCTION, EventKind.FOCUS_GROUP):
            _meeting_record(rng, event, today)
        elif event.kind == EventKind.MAPPING:
            consultations.mapping_record(rng, event)
    if demo_champion is not None:
        calendar_feed_for(champion=demo_champion)
    consultations.load(rng, champions=[c for c in champions if c.stage == Stage.ACTIVE])


def _completed_before(event, completed_on) -> bool:
    return (
        event.kind == EventKind.TRAINING
        and completed_on is not None
        and completed_on <= timezone.localtime(event.starts_at).date()
    )


def _make_event(rng, kind, day, areas, module, champions, staff):
    venue, address = rng.choice(VENUES)
    evening = kind in (EventKind.CO_PRODUCTION, EventKind.SOCIAL) and rng.random() < 0.5
    title = rng.choice(TITLES[kind]).format(module=module.title)
    day = event_day(kind, title, day)
    starts_at = _at(day, 18, 30) if evening else _at(day, rng.choice([10, 13]))
    capacity = CAPACITY[kind]
    if capacity and rng.random() < 0.2:
        capacity = 4  # small sessions: these fill up and keep a waiting list
    audience = {
        EventKind.ENGAGEMENT: Audience.PUBLIC,
        EventKind.STALL: Audience.PUBLIC,
        EventKind.MAPPING: Audience.PUBLIC,
    }.get(kind, Audience.CHAMPIONS)
    if kind == EventKind.CO_PRODUCTION and rng.random() < 0.3:
        audience = Audience.INVITED
    event = Event.objects.create(
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        venue_name=venue,
        venue_address=address,
        accessibility_notes="Step-free entrance; accessible toilet; baby changing.",
        online_link="https://meet.example.org/parent-champions" if rng.random() < 0.1 else "",
        area=rng.choice(areas),
        capacity=capacity,
        audience=audience,
        description=f"{title}. Come and share what matters to your family.",
        organiser=staff,
        children_welcome=kind in (EventKind.ENGAGEMENT, EventKind.STALL, EventKind.SOCIAL),
        creche=kind in (EventKind.CO_PRODUCTION, EventKind.FOCUS_GROUP, EventKind.TRAINING),
        step_free_access=rng.random() < 0.8,
        refreshments=rng.random() < 0.7,
        requires_dbs=kind == EventKind.ENGAGEMENT and "Stay and play" in title,
        training_module=module if kind == EventKind.TRAINING else None,
    )
    event.invited_list = []
    if audience == Audience.INVITED and champions:
        event.invited_list = rng.sample(champions, k=min(len(champions), 8))
        event.invited.add(*event.invited_list)
    if rng.random() < 0.05:
        event.status = EventStatus.CANCELLED
        event.cancellation_reason = "The venue is no longer available; we will rearrange."
        event.cancelled_at = starts_at - datetime.timedelta(days=3)
        event.save(update_fields=["status", "cancellation_reason", "cancelled_at"])
    return event


def _book(rng, event, eligible, now, demo_champion):
    if not eligible:
        return
    limit = event.capacity or 12
    wanted = min(len(eligible), rng.randint(limit // 2, limit + 3))
    chosen = rng.sample(eligible, k=wanted)
    if demo_champion in eligible and demo_champion not in chosen and rng.random() < 0.25:
        chosen.append(demo_champion)
    opened = event.starts_at - datetime.timedelta(days=21)
    rows = []
    booked = 0
    for n, champion in enumerate(chosen):
        created_at = min(opened + datetime.timedelta(hours=7 * n + rng.randint(0, 6)), now)
        cancelled_at = None
        if rng.random() < 0.07:
            status = RegistrationStatus.CANCELLED
            cancelled_at = min(created_at + datetime.timedelta(days=2), now)
        elif event.capacity is None or booked < event.capacity:
            status = RegistrationStatus.BOOKED
            booked += 1
        else:
            status = RegistrationStatus.WAITING
        rows.append(
            Registration(
                event=event,
                champion=champion,
                status=status,
                created_at=created_at,
                cancelled_at=cancelled_at,
            )
        )
    Registration.objects.bulk_create(rows)


def _take_attendance(rng, event, staff):
    registrations = Registration.objects.filter(event=event, status=RegistrationStatus.BOOKED)
    marks = {r.pk: rng.random() < 0.85 for r in registrations}
    walk_ins = []
    if event.audience == Audience.PUBLIC or event.kind == EventKind.CO_PRODUCTION:
        for role, organisation in rng.sample(PARTNERS, k=rng.randint(1, 3)):
            walk_ins.append(WalkInData(role=role, organisation=organisation))
        for _ in range(rng.randint(0, 3)):
            walk_ins.append(WalkInData(role=AttendeeRole.PARENT))
    public = event.audience == Audience.PUBLIC
    families = rng.randint(8, 40) if public else None
    attendance_record(
        event=event,
        marks=marks,
        families_reached=families,
        children_reached=int(families * rng.uniform(1.1, 1.8)) if families else None,
        new_walk_ins=walk_ins,
        by=staff,
        now=event.ends_at + datetime.timedelta(hours=1),
    )


def _meeting_record(rng, event, today):
    record = MeetingRecord.objects.create(
        event=event,
        agenda="1. Welcome and introductions\n2. What parents told us\n3. Service updates\n"
        "4. Actions and next steps",
    )
    for order, (text, factors) in enumerate(rng.sample(VOICES, k=rng.randint(3, 5))):
        item = ParentVoiceItem.objects.create(record=record, text=text, sort_order=order)
        item.protective_factors.set(factors)
    for order, text in enumerate(rng.sample(DECISIONS, k=rng.randint(1, 2))):
        Decision.objects.create(record=record, text=text, sort_order=order)
    for order, (what, owner) in enumerate(rng.sample(ACTIONS, k=rng.randint(1, 3))):
        due_on = timezone.localtime(event.starts_at).date() + datetime.timedelta(
            days=rng.choice([14, 28, 42])
        )
        if due_on < today:
            status = rng.choice([ActionStatus.DONE, ActionStatus.DONE, ActionStatus.OPEN])
        else:
            status = rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
        MeetingAction.objects.create(
            record=record, what=what, owner=owner, due_on=due_on, status=status, sort_order=order
        )
