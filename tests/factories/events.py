import datetime

import factory
from django.utils import timezone

from events.choices import (
    ActionStatus,
    AttendeeRole,
    Audience,
    EventKind,
    EventStatus,
    RegistrationStatus,
)
from events.models import (
    Event,
    MeetingAction,
    MeetingRecord,
    ParentVoiceItem,
    Registration,
    WalkIn,
)

from .champions import AreaFactory, ChampionFactory


class EventFactory(factory.django.DjangoModelFactory):
    """An engagement event for champions a week from now; traits: `public`, `cancelled`,
    `past` (held last week)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    class Params:
        public = factory.Trait(audience=Audience.PUBLIC)
        cancelled = factory.Trait(
            status=EventStatus.CANCELLED, cancellation_reason="The venue is closed."
        )
        past = factory.Trait(
            starts_at=factory.LazyFunction(
                lambda: (timezone.now() - datetime.timedelta(days=7)).replace(microsecond=0)
            )
        )

    title = factory.Faker("sentence", nb_words=4, locale="en_GB")
    kind = EventKind.ENGAGEMENT
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    venue_name = factory.Faker("company", locale="en_GB")
    venue_address = factory.Faker("address", locale="en_GB")
    area = factory.SubFactory(AreaFactory)
    audience = Audience.CHAMPIONS
    capacity = None

    @factory.post_generation
    def invited(self, create, extracted, **kwargs):
        if create and extracted:
            self.invited.add(*extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A booking; `waiting` for a place on the waiting list, `present` once marked present."""

    class Meta:
        model = Registration

    class Params:
        waiting = factory.Trait(status=RegistrationStatus.WAITING)
        present = factory.Trait(status=RegistrationStatus.BOOKED, attended=True)

    event = factory.SubFactory(EventFactory)
    champion = factory.SubFactory(ChampionFactory)
    status = RegistrationStatus.BOOKED


class WalkInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WalkIn

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name", locale="en_GB")
    role = AttendeeRole.PARENT


class MeetingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRecord

    event = factory.SubFactory(EventFactory, kind=EventKind.CO_PRODUCTION)
    agenda = "1. Welcome\n2. Health visiting\n3. Any other business"


class ParentVoiceItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParentVoiceItem

    record = factory.SubFactory(MeetingRecordFactory)
    text = factory.Faker("sentence", locale="en_GB")
    sort_order = factory.Sequence(int)


class MeetingActionFactory(factory.django.DjangoModelFactory):
    """An open action due in two weeks; `done` once done."""

    class Meta:
        model = MeetingAction

    class Params:
        done = factory.Trait(status=ActionStatus.DONE)

    record = factory.SubFactory(MeetingRecordFactory)
    what = factory.Faker("sentence", locale="en_GB")
    owner = factory.Faker("name", locale="en_GB")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    status = ActionStatus.OPEN
    sort_order = factory.Sequence(int)
