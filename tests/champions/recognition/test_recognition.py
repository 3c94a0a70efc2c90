"""Recognition: hours milestones and anniversaries reached exactly once (not lost when an
approval is reversed and redone), shown and messaged; commendations, optionally public."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import OutboxMessage
from champions.choices import ActivityStatus, ConsentKind, MilestoneKind
from champions.models import ChampionsSettings, Commendation, Milestone
from champions.services.activity import activity_logs_approve
from champions.services.recognition import anniversaries_award, commendation_write
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ActivityLogFactory, ChampionFactory, ConsentFactory
from tests.factories.cms import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion():
    champion = ChampionFactory(active=True, preferred_name="Ola")
    ConsentFactory(champion=champion, kind=ConsentKind.CONTACT_EMAIL)
    return champion


def _hours_milestones(champion):
    return sorted(
        Milestone.objects.filter(champion=champion, kind=MilestoneKind.HOURS).values_list(
            "value", flat=True
        )
    )


def test_hours_milestones_are_reached_once_even_when_an_approval_is_reversed_and_redone(
    champion,
):
    staff = CoordinatorFactory()
    for _ in range(3):
        ActivityLogFactory(champion=champion, approved=True, hours=Decimal("6"))
    log = ActivityLogFactory(champion=champion, hours=Decimal("10"))
    activity_logs_approve(logs=[log], by=staff)
    assert _hours_milestones(champion) == [10, 25]  # 28 hours
    ActivityLogFactory._meta.model.objects.filter(pk=log.pk).update(
        status=ActivityStatus.SUBMITTED
    )  # the approval reversed
    assert _hours_milestones(champion) == [10, 25]  # kept
    activity_logs_approve(logs=[log], by=staff)  # and redone
    assert _hours_milestones(champion) == [10, 25]
    keys = OutboxMessage.objects.filter(key__startswith="champions.milestone.").values_list(
        "subject", flat=True
    )
    assert sorted(keys) == ["Thank you: 10 hours volunteered", "Thank you: 25 hours volunteered"]


def test_milestones_follow_the_settings_list(champion):
    settings = ChampionsSettings.load()
    settings.milestone_hours = "5, 7"
    settings.save()
    log = ActivityLogFactory(champion=champion, hours=Decimal("6"))
    activity_logs_approve(logs=[log], by=CoordinatorFactory())
    assert _hours_milestones(champion) == [5]


def test_anniversaries_are_reached_once_a_year(champion):
    champion.joined_on = datetime.date(2024, 6, 15)
    champion.save()
    assert anniversaries_award(today=datetime.date(2025, 6, 14)) == 0
    assert anniversaries_award(today=datetime.date(2025, 6, 15)) == 1
    assert anniversaries_award(today=datetime.date(2025, 6, 16)) == 0
    assert anniversaries_award(today=datetime.date(2026, 7, 1)) == 1
    assert Milestone.objects.filter(kind=MilestoneKind.ANNIVERSARY).count() == 2


def test_dashboard_shows_milestones_and_commendations_and_staff_see_this_month(client, champion):
    Milestone.objects.create(champion=champion, kind=MilestoneKind.HOURS, value=50)
    coordinator = CoordinatorFactory(first_name="Sam", last_name="Okafor")
    commendation_write(
        commendation=Commendation(
            champion=champion, contribution="the library stall", text="You were brilliant."
        ),
        by=coordinator,
    )
    assert OutboxMessage.objects.filter(key__startswith="champions.commendation.").count() == 1
    client.force_login(champion.user)
    html = client.get(reverse("champions:dashboard")).content.decode()
    assert "50 hours volunteered" in html and "You were brilliant." in html
    assert "Sam Okafor, for the library stall" in html
    client.force_login(coordinator)
    listing = client.get(reverse("champions_milestone:index"), {"this_month": "true"})
    assert "Ola" in listing.content.decode()


def test_a_commendation_shows_on_public_stories_only_by_the_champions_choice(client, champion):
    ConsentFactory(champion=champion, kind=ConsentKind.STORY)
    story = StoryPageFactory(champion=champion)
    commendation = commendation_write(
        commendation=Commendation(champion=champion, contribution="x", text="Thanks, truly."),
        by=CoordinatorFactory(),
    )
    assert "Thanks, truly." not in client.get(story.url).content.decode()
    client.force_login(champion.user)
    url = reverse("champions:commendation_public", args=[commendation.pk])
    client.post(url, {"public": "yes"})
    client.logout()
    html = client.get(story.url).content.decode()
    assert "Thanks, truly." in html and "Thank you, Ola" in html
    other = ChampionFactory(active=True)
    client.force_login(other.user)
    assert client.post(url, {"public": "no"}).status_code == 404
