import datetime

import factory
from django.utils import timezone

from events.choices import (
    ActionStatus,
    AttendeeRole,
    Audience,
    EventKind,
    EventStatus,
    QuestionKind,
    RegistrationStatus,
    ResponseChannel,
)
from events.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationResponse,
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


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A consultation open for the next four weeks; traits: `closed` (closed yesterday),
    `upcoming` (opens next week)."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    class Params:
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1)),
        )
        upcoming = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7)),
            closes_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=37)),
        )

    title = factory.Sequence(lambda n: f"Family survey {n}")
    slug = factory.Sequence(lambda n: f"family-survey-{n}")
    purpose = "To find out what would help families with young children."
    audience = "Parents and carers of children under 5"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=28))


class ConsultationQuestionFactory(factory.django.DjangoModelFactory):
    """A single-choice question; traits per kind: `multiple` (with "other"), `rating`,
    `yes_no`, `free_text`, `age_band` and `area`."""

    class Meta:
        model = ConsultationQuestion

    class Params:
        multiple = factory.Trait(kind=QuestionKind.MULTIPLE, allow_other=True)
        rating = factory.Trait(kind=QuestionKind.RATING, options="")
        yes_no = factory.Trait(kind=QuestionKind.YES_NO, options="")
        free_text = factory.Trait(kind=QuestionKind.FREE_TEXT, options="")
        age_band = factory.Trait(kind=QuestionKind.AGE_BAND, options="")
        area = factory.Trait(kind=QuestionKind.AREA, options="")

    consultation = factory.SubFactory(ConsultationFactory)
    kind = QuestionKind.SINGLE
    text = factory.Sequence(lambda n: f"Question {n}: what would help most?")
    options = "Mental health support\nPlaces to meet\nChildcare"
    sort_order = factory.Sequence(int)


class ConsultationResponseFactory(factory.django.DjangoModelFactory):
    """An online response; `paper` when a champion entered it from paper."""

    class Meta:
        model = ConsultationResponse

    class Params:
        paper = factory.Trait(
            channel=ResponseChannel.PAPER,
            entered_by=factory.SubFactory(ChampionFactory, active=True),
            where="Stall at the library",
        )

    consultation = factory.SubFactory(ConsultationFactory)
    channel = ResponseChannel.ONLINE


class ConsultationAnswerFactory(factory.django.DjangoModelFactory):
    """One answer to a question, in a response to the same consultation."""

    class Meta:
        model = ConsultationAnswer

    question = factory.SubFactory(ConsultationQuestionFactory)
    response = factory.SubFactory(
        ConsultationResponseFactory, consultation=factory.SelfAttribute("..question.consultation")
    )
    choice = "Childcare"
