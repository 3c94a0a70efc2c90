"""The demo programme gives a complete public site whose figures are the database's own."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.utils import timezone

from accounts.site import absolute_url
from champions.choices import ActivityStatus, ConsentKind, Stage
from champions.models import ActivityLog, Champion
from cms.models import OutcomePage, StoryPage
from cms.selectors.impact import impact_figures
from events.choices import EventStatus
from events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0, port=8123)


def test_the_demo_site_address_follows_the_port_it_is_served_on(demo):
    assert absolute_url("/dashboard/") == "http://127.0.0.1:8123/dashboard/"
    call_command("load_demo", verbosity=0, port=8124)  # loaded already: only the address moves
    assert absolute_url("/dashboard/") == "http://127.0.0.1:8124/dashboard/"


def test_impact_figures_equal_direct_aggregates_on_the_demo_data(demo):
    today = timezone.localdate()
    year_start = today.replace(month=1, day=1)
    figures = impact_figures(today)
    active = Champion.objects.filter(stage=Stage.ACTIVE)
    assert figures.active_champions == active.count() > 0
    assert figures.wards_covered == active.values("area").distinct().count()
    hours = ActivityLog.objects.filter(
        status=ActivityStatus.APPROVED, date__gte=year_start, date__lte=today
    ).aggregate(s=Sum("hours"))["s"]
    assert figures.hours_this_year == float(hours) > 0
    held = (
        Event.objects.filter(ends_at__lt=timezone.now(), ends_at__date__gte=year_start)
        .exclude(status=EventStatus.CANCELLED)
        .aggregate(n=Count("pk"), f=Sum("families_reached"))
    )
    assert figures.events_held == held["n"] > 0
    assert figures.families_reached == held["f"] > 0
    assert figures.outcomes_achieved == OutcomePage.objects.live().filter(status="achieved").count()


def test_demo_site_has_every_public_page_and_hides_the_withdrawn_story(client, demo):
    for url in [
        "/",
        "/stories/",
        "/outcomes/",
        "/whats-on/",
        "/impact/",
        "/about/",
        "/become-a-champion/",
        "/feeds/stories/",
        "/sitemap.xml",
    ]:
        assert client.get(url).status_code == 200, url
    assert StoryPage.objects.count() == 6
    assert set(OutcomePage.objects.values_list("status", flat=True)) == {
        "raised",
        "in_progress",
        "achieved",
        "not_taken_forward",
    }
    withdrawn = StoryPage.objects.filter(
        champion__consents__kind=ConsentKind.STORY, champion__consents__withdrawn_at__isnull=False
    ).distinct()
    assert withdrawn.count() == 1
    hidden = withdrawn.get()
    assert not hidden.live
    assert hidden not in StoryPage.objects.listed()
    assert client.get(hidden.url or f"/stories/{hidden.slug}/").status_code == 404
    assert StoryPage.objects.listed().count() == 5


def test_demo_outcomes_are_fed_by_the_survey_and_a_mapping_session(client, demo):
    from_survey = OutcomePage.objects.filter(consultation_results__isnull=False).distinct()
    assert from_survey.count() == 2
    mapped = OutcomePage.objects.filter(voice_items__item__record__event__kind="mapping")
    assert mapped.exists()
    html = client.get(from_survey.first().url).content.decode()
    assert "who answered the 2026 family survey" in html
