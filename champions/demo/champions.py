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
    CoordinatorProfile,
    OnboardingCheck,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)
from ..services.consents import LAPSING_CONSENTS
from ..services.journey import champions_flag_lapsed
from ..services.training import training_records_expire
from ..wording import consent_wording_on
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
from .stages import StageBuilders


def load(*, staff):
    """Called by cms.demo.load_all after the demo accounts exist; does nothing the second time."""
    if TrainingModule.objects.exists():
        return
    with transaction.atomic():
        _Loader(staff=staff).run()


class _Loader(StageBuilders):
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
        self._coordinator()
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

    def _coordinator(self):
        """The demo coordinator takes new enquiries from every ward, by default."""
        profile = CoordinatorProfile.objects.create(
            user=self.staff, phone="01632 960000", takes_unassigned=True
        )
        profile.areas.set(self.areas)

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
        champions = Champion.objects.bulk_create(
            [
                self._champion(stage, first, user)
                for (stage, first, _), user in zip(people, users, strict=True)
            ]
        )
        ordinal = {}
        for champion in champions:
            position = ordinal[champion.stage] = ordinal.get(champion.stage, -1) + 1
            getattr(self, f"_{champion.stage}")(champion, position)

    def _champion(self, stage, first, user) -> Champion:
        """An unsaved champion at `stage`, joined long enough ago for it."""
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
        return Champion(
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
                wording_version=consent_wording_on(kind, day).version,
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
