"""'Log this activity' prompts after an event appear only where activity logging applies."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.choices import Stage
from events.choices import EventKind
from tests.factories.champions import ChampionFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stage", "prompted"),
    [(Stage.ENQUIRY, False), (Stage.ONBOARDING, False), (Stage.ACTIVE, True)],
)
def test_only_champions_who_log_are_asked_to_log_an_event_they_attended(client, stage, prompted):
    champion = ChampionFactory(stage=stage)
    event = EventFactory(
        title="Welcome session",
        kind=EventKind.WELCOME,
        starts_at=timezone.now() - datetime.timedelta(days=2),
    )
    RegistrationFactory(champion=champion, event=event, attended=True)
    client.force_login(champion.user)
    for url in (reverse("events:mine"), reverse("champions:dashboard")):
        page = client.get(url).content.decode()
        assert (f"{reverse('activity:create')}?event={event.pk}" in page) is prompted, url
