import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.db.models import Count, Sum
from django.test.utils import CaptureQueriesContext

from champions.choices import ActivityStatus, Stage
from champions.models import ActivityLog, Champion
from cms.selectors.impact import impact_figures
from cms.selectors.impact import impact_monthly_series as monthly_series
from events.choices import Audience, EventStatus
from events.models import Event
from tests.factories.champions import ActivityLogFactory, AreaFactory, ChampionFactory
from tests.factories.cms import ImpactPageFactory, OutcomePageFactory, PublicEventsPageFactory
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 12, 0, tzinfo=datetime.UTC)


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_public_events_page_lists_only_public_upcoming_events(client):
    page = PublicEventsPageFactory()
    public = EventFactory(title="Stay and play in the park", audience=Audience.PUBLIC)
    EventFactory(title="Champions supervision", audience=Audience.CHAMPIONS)
    EventFactory(title="Invited commissioners", audience=Audience.INVITED)
    EventFactory(
        title="Cancelled picnic",
        audience=Audience.PUBLIC,
        status=EventStatus.CANCELLED,
        cancellation_reason="Rain",
    )
    html = client.get(page.url).content.decode()
    assert "Stay and play in the park" in html
    for hidden in ("Champions supervision", "Invited commissioners", "Cancelled picnic"):
        assert hidden not in html
    assert f"/events/public/{public.pk}.ics" in html
    detail = client.get(f"{page.url}{public.pk}/")
    assert detail.status_code == 200 and "Stay and play in the park" in detail.content.decode()
    private = Event.objects.get(title="Champions supervision")
    assert client.get(f"{page.url}{private.pk}/").status_code == 404


def test_public_events_page_runs_constant_queries(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    page = PublicEventsPageFactory()
    area = AreaFactory()
    for _ in range(3):
        EventFactory(audience=Audience.PUBLIC, area=area)
    client.get(page.url)
    few = _queries(client, page.url)
    for _ in range(30):
        EventFactory(audience=Audience.PUBLIC, area=area)
    assert _queries(client, page.url) == few
    assert _queries(client, page.url + "?page=2") == few
    assert "Page 1 of 2" in client.get(page.url).content.decode()


@time_machine.travel(NOW, tick=False)
def test_impact_figures_equal_direct_database_aggregates(client):
    area_a, area_b = AreaFactory(), AreaFactory()
    active = [ChampionFactory(stage=Stage.ACTIVE, area=a) for a in (area_a, area_a, area_b)]
    ChampionFactory(stage=Stage.PAUSED)
    for n, champion in enumerate(active):
        ActivityLogFactory(
            champion=champion,
            hours=Decimal("1.75") + n,
            status=ActivityStatus.APPROVED,
            date=datetime.date(2026, 11, 1 + n),
        )
        ActivityLogFactory(champion=champion, hours=Decimal("3"), status=ActivityStatus.SUBMITTED)
    ActivityLogFactory(  # last year: not in "this year"
        champion=active[0],
        hours=Decimal("5"),
        status=ActivityStatus.APPROVED,
        date=datetime.date(2025, 12, 20),
    )
    past = NOW - datetime.timedelta(days=10)
    EventFactory(starts_at=past, ends_at=past + datetime.timedelta(hours=2), families_reached=12)
    EventFactory(starts_at=past, ends_at=past + datetime.timedelta(hours=2), families_reached=7)
    EventFactory(  # cancelled: not held
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=2),
        families_reached=40,
        status=EventStatus.CANCELLED,
        cancellation_reason="Snow",
    )
    EventFactory()  # future
    OutcomePageFactory(status="achieved")
    OutcomePageFactory(status="in_progress")

    figures = impact_figures()
    year_start = datetime.date(2026, 1, 1)
    assert figures.active_champions == Champion.objects.filter(stage=Stage.ACTIVE).count() == 3
    assert figures.wards_covered == 2
    expected_hours = ActivityLog.objects.filter(
        status=ActivityStatus.APPROVED, date__gte=year_start
    ).aggregate(s=Sum("hours"))["s"]
    assert Decimal(str(figures.hours_this_year)) == expected_hours == Decimal("8.25")
    held = (
        Event.objects.filter(ends_at__lt=NOW, ends_at__date__gte=year_start)
        .exclude(status=EventStatus.CANCELLED)
        .aggregate(n=Count("pk"), f=Sum("families_reached"))
    )
    assert (figures.events_held, figures.families_reached) == (held["n"], held["f"]) == (2, 19)
    assert figures.outcomes_achieved == 1

    rows = monthly_series()
    assert [r.month for r in rows][-1] == datetime.date(2026, 11, 1)
    assert len(rows) == 12
    assert rows[-1].hours == 8.25 and rows[-1].families == 19
    assert rows[-2].hours == 0  # October


@time_machine.travel(NOW, tick=False)
def test_impact_page_shows_figures_chart_and_table(client):
    page = ImpactPageFactory()
    champion = ChampionFactory(active=True)
    ActivityLogFactory(
        champion=champion,
        hours=Decimal("2.5"),
        status=ActivityStatus.APPROVED,
        date=datetime.date(2026, 11, 3),
    )
    html = client.get(page.url).content.decode()
    assert '<svg viewBox="0 0 720 260" role="img"' in html
    assert '<title id="chart-title">' in html
    assert '<th scope="row">November 2026</th><td>2.50</td>' in html


def test_impact_and_home_run_constant_queries(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_FIGURES_CACHE_SECONDS = 0  # count the aggregates' queries themselves
    page = ImpactPageFactory()
    for _ in range(3):
        ActivityLogFactory(approved=True)
    client.get(page.url)
    client.get("/")
    few = (_queries(client, page.url), _queries(client, "/"))
    for _ in range(40):
        ActivityLogFactory(approved=True)
        EventFactory(audience=Audience.PUBLIC)
    assert (_queries(client, page.url), _queries(client, "/")) == few


def test_public_event_pages_never_show_the_champions_checks(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    page = PublicEventsPageFactory()
    event = EventFactory(title="Stall at the market", audience=Audience.PUBLIC, requires_dbs=True)
    for url in (page.url, f"{page.url}{event.pk}/", "/"):
        html = client.get(url).content.decode()
        assert "DBS" not in html and "Checks" not in html, url
    assert "Stall at the market" in client.get(page.url).content.decode()
