"""Areas, users with verified addresses, champions, their onboarding checks and consents."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils.text import slugify

from accounts.models import COORDINATORS, User
from champions.choices import CheckKind, CheckStatus, ConsentKind
from champions.models import Area, Champion, Consent, OnboardingCheck, StageChange

from .loader import Loader
from .names import (
    COORDINATOR_EMAIL,
    FIRST,
    LAST,
    PASSWORD,
    WORDING_VERSION,
    area_names,
    person_name,
)
from .plan import Programme

STAGES = (
    ["enquiry", "onboarding", "in_training"] + ["active"] * 13 + ["paused"] * 2 + ["alumni"] * 2
)
LANGUAGES = ["English", "English, Polish", "English, Urdu", "English, Romanian", "English"]
CHAMPION_FIELDS = [
    "user",
    "preferred_name",
    "area",
    "phone",
    "languages",
    "stage",
    "joined_on",
    "coordinator",
    "left_on",
]
CHECK_KINDS = [
    CheckKind.DBS,
    CheckKind.REFERENCE_1,
    CheckKind.REFERENCE_2,
    CheckKind.VOLUNTEER_AGREEMENT,
]
CHECK_FIELDS = [
    "champion",
    "kind",
    "status",
    "completed_on",
    "renewal_due_on",
    "certificate_last4",
    "recorded_by",
    "recorded_at",
]


def programme_exists() -> bool:
    return Champion.objects.exists()


def areas(p: Programme, loader: Loader) -> None:
    names = area_names(p.plan.areas)
    rows = ((name, slugify(name)) for name in names)
    p.area_ids = list(loader.add(Area, ["name", "slug"], rows))


def users(p: Programme, loader: Loader) -> None:
    """Coordinators (the runner signs in as the first) and one user per champion, each with
    a verified primary address."""
    password = make_password(PASSWORD)  # hashing is deliberately slow: hash once, share it
    staff_count = max(2, p.plan.areas // 10)
    joined = p.now - datetime.timedelta(days=3 * 365)
    rows = [*_staff(staff_count, joined), *_champion_users(p.plan.champions, joined)]
    fields = ["email", "first_name", "last_name", "is_staff", "date_joined", "password"]
    ids = loader.add(User, fields, ((*row, password) for row in rows))
    addresses = ((uid, row[0], True, True) for uid, row in zip(ids, rows, strict=True))
    loader.add(EmailAddress, ["user", "email", "verified", "primary"], addresses)
    p.staff_ids = list(ids[:staff_count])
    p.coordinator_id = ids[0]
    p.champion_user_ids = list(ids[staff_count:])
    coordinators = Group.objects.get(name=COORDINATORS)
    links = ((uid, coordinators.pk) for uid in p.staff_ids)
    loader.add(User.groups.through, ["user", "group"], links)


def _staff(n: int, joined: datetime.datetime):
    for i in range(n):
        email = COORDINATOR_EMAIL if i == 0 else f"coordinator{i:03d}@example.org"
        yield email, FIRST[i % len(FIRST)], LAST[i % len(LAST)], True, joined


def _champion_users(n: int, joined: datetime.datetime):
    for c in range(n):
        first, last = person_name(c)
        since = joined + datetime.timedelta(days=c % 1000)
        yield f"champion{c + 1:05d}@example.org", first, last, False, since


def champions(p: Programme, loader: Loader) -> None:
    """Champions at every stage (mostly active), each with the change to their stage."""
    rng = random.Random(1)
    n = p.plan.champions
    p.champion_stage = [STAGES[c % len(STAGES)] for c in range(n)]

    def rows():
        for c, stage in enumerate(p.champion_stage):
            joined = p.today - datetime.timedelta(days=30 + rng.randrange(3 * 365))
            yield (
                p.champion_user_ids[c],
                person_name(c)[0],
                p.area_ids[c % len(p.area_ids)],
                f"07700 9{c % 100000:05d}",
                LANGUAGES[c % len(LANGUAGES)],
                stage,
                joined,
                p.staff_ids[c % len(p.staff_ids)],
                joined + datetime.timedelta(days=400) if stage == "alumni" else None,
            )

    p.champion_ids = list(loader.add(Champion, CHAMPION_FIELDS, rows()))
    changes = (
        (champion_id, "enquiry", stage, p.now, p.coordinator_id)
        for champion_id, stage in zip(p.champion_ids, p.champion_stage, strict=True)
        if stage != "enquiry"
    )
    fields = ["champion", "from_stage", "to_stage", "changed_at", "changed_by"]
    loader.add(StageChange, fields, changes)


def checks(p: Programme, loader: Loader) -> None:
    """Completed onboarding checks for the champions who are (or were lately) active."""
    ready = [c for c, stage in enumerate(p.champion_stage) if stage in ("active", "paused")]

    def rows():
        for c in ready:
            done_on = p.today - datetime.timedelta(days=60 + c % 900)
            for kind in CHECK_KINDS:
                dbs = kind == CheckKind.DBS
                yield (
                    p.champion_ids[c],
                    kind,
                    CheckStatus.COMPLETE,
                    done_on,
                    done_on + datetime.timedelta(days=3 * 365) if dbs else None,
                    f"{c % 10000:04d}" if dbs else "",
                    p.coordinator_id,
                    p.now,
                )

    loader.add(OnboardingCheck, CHECK_FIELDS, rows())


def consents(p: Programme, loader: Loader) -> None:
    """Everyone may be e-mailed (reminders reach every booking); the champions that stories
    are about have given story consent."""
    contact = p.now - datetime.timedelta(days=200)
    story = p.now - datetime.timedelta(days=100)
    rows = [(cid, ConsentKind.CONTACT_EMAIL, contact) for cid in p.champion_ids]
    subjects = sorted({cid for cid in p.story_subjects() if cid is not None})
    rows += [(cid, ConsentKind.STORY, story) for cid in subjects]
    fields = ["champion", "kind", "given_at", "wording_version"]
    loader.add(Consent, fields, ((*row, WORDING_VERSION) for row in rows))
