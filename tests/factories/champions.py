import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from champions.choices import (
    ActivityKind,
    ActivityStatus,
    CheckKind,
    CheckStatus,
    ConsentKind,
    ExpenseCategory,
    ExpenseStatus,
    ProtectiveFactorCode,
    Stage,
    SupervisionKind,
    TrainingCategory,
    TrainingStatus,
)
from champions.models import (
    ActivityLog,
    Area,
    Champion,
    Consent,
    CoordinatorProfile,
    ExpenseClaim,
    Goal,
    OnboardingCheck,
    ProtectiveFactor,
    StageChange,
    SupervisionNote,
    TrainingModule,
    TrainingRecord,
)

from .accounts import StaffFactory, UserFactory


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ward {n}")
    slug = factory.Sequence(lambda n: f"ward-{n}")


class CoordinatorProfileFactory(factory.django.DjangoModelFactory):
    """A coordinator champions can reach; pass `areas=[...]` for the areas they cover."""

    class Meta:
        model = CoordinatorProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(StaffFactory)
    phone = "01632 960123"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class ChampionFactory(factory.django.DjangoModelFactory):
    """A champion at the enquiry stage; traits: `active`, `paused`, `alumni` (left a year ago),
    `consenting` (agreed to be contacted by e-mail)."""

    class Meta:
        model = Champion
        skip_postgeneration_save = True

    class Params:
        active = factory.Trait(stage=Stage.ACTIVE)
        paused = factory.Trait(stage=Stage.PAUSED)
        alumni = factory.Trait(
            stage=Stage.ALUMNI,
            left_on=factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(365)),
        )
        consenting = factory.Trait(
            contact_consent=factory.RelatedFactory(
                "tests.factories.champions.ConsentFactory",
                factory_related_name="champion",
                kind=ConsentKind.CONTACT_EMAIL,
            )
        )

    user = factory.SubFactory(UserFactory)
    preferred_name = factory.LazyAttribute(lambda o: o.user.first_name)
    area = factory.SubFactory(AreaFactory)


class TrainingModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingModule

    title = factory.Sequence(lambda n: f"Module {n}")
    category = TrainingCategory.CORE
    hours = 3
    required_for_activation = True
    validity_months = None
    display_order = factory.Sequence(int)


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    """A completion 30 days ago; `enrolled` for one not yet done."""

    class Meta:
        model = TrainingRecord

    class Params:
        enrolled = factory.Trait(status=TrainingStatus.ENROLLED, completed_on=None)

    champion = factory.SubFactory(ChampionFactory)
    module = factory.SubFactory(TrainingModuleFactory)
    status = TrainingStatus.COMPLETED
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class OnboardingCheckFactory(factory.django.DjangoModelFactory):
    """A complete DBS check (renewal due in three years); `pending` for one not done."""

    class Meta:
        model = OnboardingCheck

    class Params:
        pending = factory.Trait(status=CheckStatus.PENDING, completed_on=None, renewal_due_on=None)

    champion = factory.SubFactory(ChampionFactory)
    kind = CheckKind.DBS
    status = CheckStatus.COMPLETE
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    renewal_due_on = factory.LazyAttribute(
        lambda o: (
            o.completed_on + datetime.timedelta(days=3 * 365) if o.kind == CheckKind.DBS else None
        )
    )


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    champion = factory.SubFactory(ChampionFactory)
    kind = ConsentKind.CONTACT_EMAIL
    wording_version = "2026-01"


def ready_champion(**kwargs) -> Champion:
    """A champion with every onboarding check complete and in date, at stage in training.

    Required modules must be completed separately (tests choose which modules exist).
    """
    kwargs.setdefault("stage", "in_training")
    champion = ChampionFactory(**kwargs)
    for kind in CheckKind:
        OnboardingCheckFactory(champion=champion, kind=kind)
    return champion


class SupervisionNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionNote

    champion = factory.SubFactory(ChampionFactory)
    author = factory.SubFactory(StaffFactory)
    kind = SupervisionKind.CHECK_IN
    note = factory.Faker("sentence", locale="en_GB")


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    champion = factory.SubFactory(ChampionFactory)
    from_stage = "enquiry"
    to_stage = "onboarding"
    reason = "Welcome meeting held"


def protective_factors() -> list[ProtectiveFactor]:
    """The six factor rows a data migration creates; made again after a test flushed them."""
    return [
        ProtectiveFactor.objects.get_or_create(
            code=code, defaults={"label": code.label, "sort_order": order}
        )[0]
        for order, code in enumerate(ProtectiveFactorCode)
    ]


class ActivityLogFactory(factory.django.DjangoModelFactory):
    """An activity log waiting for review; `approved`, `queried` or `rejected` for the others."""

    class Meta:
        model = ActivityLog

    class Params:
        approved = factory.Trait(
            status=ActivityStatus.APPROVED,
            reviewed_by=factory.SubFactory(StaffFactory),
            reviewed_at=factory.LazyFunction(timezone.now),
        )
        queried = factory.Trait(
            status=ActivityStatus.QUERIED,
            staff_message="Which session was this?",
            reviewed_by=factory.SubFactory(StaffFactory),
            reviewed_at=factory.LazyFunction(timezone.now),
        )
        rejected = factory.Trait(
            status=ActivityStatus.REJECTED,
            staff_message="This was logged twice.",
            reviewed_by=factory.SubFactory(StaffFactory),
            reviewed_at=factory.LazyFunction(timezone.now),
        )

    champion = factory.SubFactory(ChampionFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    kind = ActivityKind.ENGAGEMENT
    hours = Decimal("2.00")
    description = factory.Faker("sentence", locale="en_GB")
    status = ActivityStatus.SUBMITTED


class ExpenseClaimFactory(factory.django.DjangoModelFactory):
    """A claim waiting for review; `approved`, `paid` or `rejected` for the others."""

    class Meta:
        model = ExpenseClaim

    class Params:
        approved = factory.Trait(
            status=ExpenseStatus.APPROVED,
            reviewed_by=factory.SubFactory(StaffFactory),
            reviewed_at=factory.LazyFunction(timezone.now),
        )
        paid = factory.Trait(
            status=ExpenseStatus.PAID,
            reviewed_by=factory.SubFactory(StaffFactory),
            reviewed_at=factory.LazyFunction(timezone.now),
            paid_on=factory.LazyFunction(timezone.localdate),
            payment_reference="BACS-1",
        )
        rejected = factory.Trait(
            status=ExpenseStatus.REJECTED,
            staff_message="The receipt is for another day.",
            reviewed_by=factory.SubFactory(StaffFactory),
            reviewed_at=factory.LazyFunction(timezone.now),
        )

    champion = factory.SubFactory(ChampionFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    category = ExpenseCategory.TRAVEL
    amount = Decimal("12.50")
    description = factory.Faker("sentence", locale="en_GB")
    status = ExpenseStatus.SUBMITTED


class GoalFactory(factory.django.DjangoModelFactory):
    """A goal agreed with the champion's coordinator; trait `achieved` (last week)."""

    class Meta:
        model = Goal

    class Params:
        achieved = factory.Trait(
            achieved_on=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=7)
            )
        )

    champion = factory.SubFactory(ChampionFactory, active=True)
    title = "Speak at a co-production meeting"
    target_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    skill = "Public speaking"
