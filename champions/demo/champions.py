"""Demo champions: wards, champions at every stage, training, checks and consents.

Deterministic: one seeded random.Random, dates relative to today so that some checks and
training are always about to expire when the demo is loaded.
"""

import datetime
import random
from decimal import Decimal

from allauth.account.models import EmailAddress
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.demo import CHAMPION_EMAIL, DEMO_PASSWORD
from accounts.models import User

from ..choices import (
    CheckKind,
    CheckStatus,
    ConsentKind,
    Stage,
    SupervisionKind,
    TrainingStatus,
)
from ..models import (
    Area,
    Champion,
    Consent,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)
from ..services.consents import LAPSING_CONSENTS
from ..services.journey import champions_flag_lapsed
from ..services.training import training_records_expire
from ..wording import consent_wording
from .data import (
    FIRST_NAMES,
    HEARD_ABOUT,
    JOURNEY,
    LANGUAGES,
    LAST_NAMES,
    MODULES,
    NOTES,
    SEED,
    STAGE_COUNTS,
    WARDS,
)


def load(*, staff):
    """Called by cms.demo.load_all after the demo accounts exist; does nothing the second time."""
    if TrainingModule.objects.exists():
        return
    with transaction.atomic():
        _Loader(staff=staff).run()


class _Loader:
    def __init__(self, *, staff):
        self.staff = staff
        self.rng = random.Random(SEED)
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.checks, self.records, self.consents, self.notes, self.changes = [], [], [], [], []

    def run(self):
        self.areas = Area.objects.bulk_create(
            [Area(name=name, slug=slugify(name)) for name in WARDS]
        )
        self.modules = TrainingModule.objects.bulk_create(
            [
                TrainingModule(
                    title=title,
                    category=category,
                    hours=Decimal(hours),
                    required_for_activation=required,
                    validity_months=validity,
                    description=description,
                    display_order=index * 10,
                )
                for index, (title, category, hours, required, validity, description) in enumerate(
                    MODULES
                )
            ]
        )
        self.required = [m for m in self.modules if m.required_for_activation]
        self.optional = [m for m in self.modules if not m.required_for_activation]
        self._demo_champion()
        self._champions()
        OnboardingCheck.objects.bulk_create(self.checks)
        TrainingRecord.objects.bulk_create(self.records)
        Consent.objects.bulk_create(self.consents)
        SupervisionNote.objects.bulk_create(self.notes)
        StageChange.objects.bulk_create(self.changes)
        # What the nightly jobs would have done by now.
        training_records_expire(today=self.today)
        champions_flag_lapsed(today=self.today)

    # The signed-in demo champion: active, with a DBS renewal and a module expiring soon.
    def _demo_champion(self):
        champion = Champion.objects.get(user__email=CHAMPION_EMAIL)
        joined = self.today - relativedelta(months=14)
        champion.area = self.areas[0]
        champion.stage = Stage.ACTIVE
        champion.joined_on = joined
        champion.coordinator = self.staff
        champion.phone = "07700 900123"
        champion.languages = "English, Gujarati"
        champion.heard_about = "Health visitor"
        champion.save()
        champion.stage_changes.update(changed_at=self._at(joined))
        self._history(champion, joined, Stage.ACTIVE, first_recorded=True)
        self._all_checks(champion, joined, dbs_renewal=self.today + datetime.timedelta(days=45))
        completed = {
            0: joined + datetime.timedelta(days=40),
            # Safeguarding lapses in 20 days: highlighted on her dashboard, reminder due.
            1: self.today + datetime.timedelta(days=20) - relativedelta(months=24),
            2: joined + datetime.timedelta(days=55),
            3: joined + datetime.timedelta(days=70),
        }
        for index, module in enumerate(self.required):
            self._record(champion, module, TrainingStatus.COMPLETED, completed[index])
        self._record(
            champion,
            self.optional[1],
            TrainingStatus.COMPLETED,
            self.today - relativedelta(months=3),
        )
        self._record(champion, self.optional[3], TrainingStatus.ENROLLED, None)
        for kind in (ConsentKind.CONTACT_EMAIL, ConsentKind.STORY, ConsentKind.PHOTO):
            self._consent(champion, kind, joined + datetime.timedelta(days=3))
        self._notes(champion, 3)

    def _champions(self):
        password = make_password(DEMO_PASSWORD)
        people = []
        used = set()
        for stage, count in STAGE_COUNTS:
            for _ in range(count):
                while True:
                    first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
                    if (first, last) not in used:
                        used.add((first, last))
                        break
                people.append((stage, first, last))
        users = User.objects.bulk_create(
            [
                User(
                    email=f"{slugify(first)}.{slugify(last)}@example.org",
                    first_name=first,
                    last_name=last,
                    password=password,
                )
                for _, first, last in people
            ]
        )
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
        )
        champions = []
        for (stage, first, _), user in zip(people, users, strict=True):
            months = {
                Stage.ENQUIRY: (0, 1),
                Stage.ONBOARDING: (1, 3),
                Stage.IN_TRAINING: (2, 6),
                Stage.ACTIVE: (6, 40),
                Stage.PAUSED: (12, 36),
                Stage.ALUMNI: (30, 60),
            }[stage]
            joined = self.today - datetime.timedelta(
                days=self.rng.randint(*[m * 30 + 5 for m in months])
            )
            has_phone = self.rng.random() < 0.7
            champions.append(
                Champion(
                    user=user,
                    preferred_name=first,
                    area=self.rng.choice(self.areas),
                    phone=f"07700 900{self.rng.randint(100, 999)}" if has_phone else "",
                    languages=self.rng.choice(LANGUAGES),
                    heard_about=self.rng.choice(HEARD_ABOUT),
                    stage=stage,
                    joined_on=joined,
                    coordinator=self.staff if stage != Stage.ENQUIRY else None,
                    left_on=(
                        joined + datetime.timedelta(days=self.rng.randint(500, 800))
                        if stage == Stage.ALUMNI
                        else None
                    ),
                )
            )
        champions = Champion.objects.bulk_create(champions)
        ordinal = {}
        for champion in champions:
            position = ordinal[champion.stage] = ordinal.get(champion.stage, -1) + 1
            getattr(self, f"_{champion.stage}")(champion, position)

    # One builder per stage; `n` is the champion's position within the stage.

    def _enquiry(self, champion, n):
        self._history(champion, champion.joined_on, Stage.ENQUIRY)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, champion.joined_on)
        if n % 2:
            self._check(champion, CheckKind.ID_SEEN, CheckStatus.PENDING, None)

    def _onboarding(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.ONBOARDING)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        self._check(
            champion, CheckKind.ID_SEEN, CheckStatus.COMPLETE, joined + datetime.timedelta(days=10)
        )
        self._check(
            champion,
            CheckKind.VOLUNTEER_AGREEMENT,
            CheckStatus.COMPLETE,
            joined + datetime.timedelta(days=10),
        )
        self._check(
            champion,
            CheckKind.REFERENCE_1,
            CheckStatus.COMPLETE if n > 1 else CheckStatus.PENDING,
            joined + datetime.timedelta(days=20),
        )
        self._check(champion, CheckKind.REFERENCE_2, CheckStatus.PENDING, None)
        self._check(champion, CheckKind.DBS, CheckStatus.PENDING, None)
        self._record(champion, self.required[0], TrainingStatus.ENROLLED, None)

    def _in_training(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.IN_TRAINING)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        if n % 3 == 0:
            self._consent(champion, ConsentKind.PHOTO, joined + datetime.timedelta(days=30))
        self._all_checks(champion, joined, skip=CheckKind.REFERENCE_2 if n == 6 else None)
        # The first two have everything: they show up as "ready to activate".
        done = len(self.required) if n < 2 else 1 + n % 3
        for index, module in enumerate(self.required):
            if index < done:
                self._record(
                    champion,
                    module,
                    TrainingStatus.COMPLETED,
                    joined + datetime.timedelta(days=30 + 7 * index),
                )
            else:
                status = TrainingStatus.ATTENDED if index == done else TrainingStatus.ENROLLED
                self._record(champion, module, status, None)
        self._notes(champion, 1)

    def _active(self, champion, n):
        if n == 6:  # a long-standing champion whose safeguarding has lapsed: flagged for staff
            champion.joined_on = self.today - relativedelta(months=34)
            Champion.objects.filter(pk=champion.pk).update(joined_on=champion.joined_on)
        joined = champion.joined_on
        self._history(champion, joined, Stage.ACTIVE)
        if n != 4:  # one champion has not agreed to e-mail: no reminders for them
            self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        if champion.phone:
            self._consent(champion, ConsentKind.CONTACT_TEXT, joined)
        if n % 2 == 0:
            self._consent(champion, ConsentKind.STORY, joined + datetime.timedelta(days=60))
        if n % 3 == 0:
            self._consent(champion, ConsentKind.PHOTO, joined + datetime.timedelta(days=60))
        if n == 5:  # changed their mind about photos
            self._consent(
                champion,
                ConsentKind.PHOTO,
                joined + datetime.timedelta(days=60),
                withdrawn=self.today - datetime.timedelta(days=12),
            )
        # DBS renewals spread out, with some due in 7, 30 and 50 days, and one overdue.
        renewal = {
            0: self.today + datetime.timedelta(days=7),
            1: self.today + datetime.timedelta(days=30),
            2: self.today + datetime.timedelta(days=50),
            3: self.today - datetime.timedelta(days=10),
        }.get(n, self.today + datetime.timedelta(days=self.rng.randint(120, 900)))
        self._all_checks(champion, joined, dbs_renewal=renewal)
        for index, module in enumerate(self.required):
            completed = joined + datetime.timedelta(days=30 + 7 * index)
            if module.validity_months:
                # Renewed recently enough to be in date, unless this champion is the lapsed one.
                lapsed = n == 6 and index == 1
                months_ago = (
                    module.validity_months + 1
                    if lapsed
                    else self.rng.randint(1, module.validity_months - 3)
                )
                completed = max(completed, self.today - relativedelta(months=months_ago))
                if n in (7, 8) and index == 2:  # expiring in the next few weeks
                    completed = (
                        self.today
                        - relativedelta(months=module.validity_months)
                        + datetime.timedelta(days=7 if n == 7 else 40)
                    )
            self._record(champion, module, TrainingStatus.COMPLETED, completed)
        for module in self.rng.sample(self.optional, self.rng.randint(0, 3)):
            self._record(
                champion,
                module,
                TrainingStatus.COMPLETED,
                self.today - datetime.timedelta(days=self.rng.randint(20, 500)),
            )
        self._notes(champion, self.rng.randint(1, 3))

    def _paused(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.PAUSED)
        self._consent(champion, ConsentKind.CONTACT_EMAIL, joined)
        self._all_checks(champion, joined)
        for index, module in enumerate(self.required):
            self._record(
                champion,
                module,
                TrainingStatus.COMPLETED,
                joined + datetime.timedelta(days=30 + 7 * index),
            )
        self._notes(champion, 2, kinds=[SupervisionKind.WELLBEING])

    def _alumni(self, champion, n):
        joined = champion.joined_on
        self._history(champion, joined, Stage.ALUMNI, ended=champion.left_on)
        self._all_checks(champion, joined)
        for index, module in enumerate(self.required):
            self._record(
                champion,
                module,
                TrainingStatus.COMPLETED,
                joined + datetime.timedelta(days=30 + 7 * index),
            )

    # Building blocks

    def _at(self, day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))

    def _history(self, champion, joined, stage, *, first_recorded=False, ended=None):
        """Stage changes from enquiry up to `stage`, spaced out since the champion joined."""
        path = JOURNEY[: JOURNEY.index(stage) + 1] if stage in JOURNEY else [*JOURNEY, stage]
        day = joined
        previous = ""
        for index, to_stage in enumerate(path):
            if to_stage == Stage.ALUMNI and ended:
                day = ended
            elif to_stage == Stage.PAUSED:
                day = max(
                    day + datetime.timedelta(days=60), self.today - datetime.timedelta(days=90)
                )
            if not (first_recorded and index == 0):
                self.changes.append(
                    StageChange(
                        champion=champion,
                        from_stage=previous,
                        to_stage=to_stage,
                        changed_at=self._at(day),
                        changed_by=None if index == 0 else self.staff,
                        reason={
                            Stage.ENQUIRY: "Signed up",
                            Stage.ONBOARDING: "Welcome meeting held",
                            Stage.IN_TRAINING: "Checks under way; booked on core induction",
                            Stage.ACTIVE: "All checks and required training complete",
                            Stage.PAUSED: "Taking a break for family reasons",
                            Stage.ALUMNI: "Moved on to paid work; thanked at the celebration event",
                        }[to_stage],
                    )
                )
            previous = to_stage
            day = min(day + datetime.timedelta(days=self.rng.randint(10, 25)), self.today)

    def _check(self, champion, kind, status, completed_on, renewal=None):
        self.checks.append(
            OnboardingCheck(
                champion=champion,
                kind=kind,
                status=status,
                completed_on=completed_on,
                renewal_due_on=renewal,
                certificate_last4=(
                    f"{self.rng.randint(0, 9999):04d}"
                    if kind == CheckKind.DBS and status == CheckStatus.COMPLETE
                    else ""
                ),
                recorded_by=self.staff,
                recorded_at=self._at(completed_on or champion.joined_on),
            )
        )

    def _all_checks(self, champion, joined, *, dbs_renewal=None, skip=None):
        for offset, kind in enumerate(CheckKind):
            if kind == skip:
                self._check(champion, kind, CheckStatus.PENDING, None)
                continue
            completed_on = joined + datetime.timedelta(days=7 + 3 * offset)
            renewal = None
            if kind == CheckKind.DBS:
                renewal = dbs_renewal or completed_on + relativedelta(years=3)
                completed_on = min(completed_on, renewal - relativedelta(years=3))
            self._check(champion, kind, CheckStatus.COMPLETE, completed_on, renewal)

    def _record(self, champion, module, status, completed_on):
        self.records.append(
            TrainingRecord(
                champion=champion,
                module=module,
                status=status,
                completed_on=completed_on,
                expires_on=module.expiry_for(completed_on),
                verified_by=self.staff if completed_on else None,
            )
        )

    def _consent(self, champion, kind, day, *, withdrawn=None):
        given_at = self._at(day)
        expires_at = None
        if kind in LAPSING_CONSENTS:
            expires_at = given_at + relativedelta(years=settings.CONSENT_VALIDITY_YEARS)
        self.consents.append(
            Consent(
                champion=champion,
                kind=kind,
                given_at=given_at,
                wording_version=consent_wording(kind).version,
                expires_at=expires_at,
                withdrawn_at=self._at(withdrawn) if withdrawn else None,
            )
        )

    def _notes(self, champion, count, kinds=None):
        for index in range(count):
            kind = self.rng.choice(kinds or list(SupervisionKind))
            self.notes.append(
                SupervisionNote(
                    champion=champion,
                    author=self.staff,
                    held_on=self.today
                    - datetime.timedelta(days=14 + 35 * index + self.rng.randint(0, 10)),
                    kind=kind,
                    note=self.rng.choice(NOTES[kind]),
                )
            )
