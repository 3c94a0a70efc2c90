import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.cms import (
    StoryPageFactory,
    story_index,
)

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_story_index_and_home_run_constant_queries_for_5_or_500_stories(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    # Making 495 stories can outlast the home page's cached figures on a loaded machine.
    settings.PUBLIC_FIGURES_CACHE_SECONDS = 3600
    for _ in range(5):
        StoryPageFactory()
    urls = [story_index().url, story_index().url + "?page=2", "/"]
    for url in urls:
        client.get(url)  # warm the per-process site cache
    few = [_queries(client, url) for url in urls]
    for _ in range(495):
        StoryPageFactory()
    assert [_queries(client, url) for url in urls] == few


def test_story_index_filters_by_tag_and_area(client):
    from tests.factories.champions import AreaFactory

    kursaal = AreaFactory(name="Kursaal", slug="kursaal")
    tagged = StoryPageFactory(title="Tagged story", area=kursaal)
    tagged.tags.add("mental health")
    tagged.save_revision().publish()
    StoryPageFactory(title="Other story")
    html = client.get(story_index().url, {"tag": "mental-health"}).content.decode()
    assert "Tagged story" in html and "Other story" not in html
    html = client.get(story_index().url, {"area": "kursaal"}).content.decode()
    assert "Tagged story" in html and "Other story" not in html


def test_sitemap_checks_consent_in_constant_queries(client):
    from champions.choices import ConsentKind
    from champions.services.consents import consent_give
    from tests.factories.champions import ChampionFactory

    def about_a_champion():
        champion = ChampionFactory()
        consent_give(champion=champion, kind=ConsentKind.STORY, wording_version="2026-01")
        return StoryPageFactory(champion=champion)

    for _ in range(3):
        about_a_champion()
    client.get("/sitemap.xml")
    few = _queries(client, "/sitemap.xml")
    for _ in range(15):
        about_a_champion()
    assert _queries(client, "/sitemap.xml") == few
