import datetime

import factory
from django.utils import timezone

from champions.choices import (
    CheckKind,
    CheckStatus,
    ConsentKind,
    ProtectiveFactorCode,
    SupervisionKind,
    TrainingCategory,
    TrainingStatus,
)
from champions.models import (
    Area,
    Champion,
    Consent,
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


class ChampionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Champion

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
    class Meta:
        model = TrainingRecord

    champion = factory.SubFactory(ChampionFactory)
    module = factory.SubFactory(TrainingModuleFactory)
    status = TrainingStatus.COMPLETED
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class OnboardingCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnboardingCheck

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
