import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, OutcomeIndexPage, OutcomePage, StoryIndexPage, StoryPage
from tests.factories.cms import (
    PAGE_FACTORIES,
    OutcomePageFactory,
    StoryPageFactory,
    home_page,
    outcome_index,
    story_index,
)

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_every_page_type_has_a_factory():
    from django.apps import apps

    page_models = [m for m in apps.get_app_config("cms").get_models() if issubclass(m, Page)]
    missing = [m.__name__ for m in page_models if m not in PAGE_FACTORIES and m is not HomePage]
    assert missing == []


class TestPageTree(WagtailPageTestCase):
    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedParentPageTypes(OutcomePage, {OutcomeIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertCanCreateAt(HomePage, StoryIndexPage)
        self.assertCanNotCreateAt(HomePage, StoryPage)

    def test_pages_are_routable(self):
        story = StoryPageFactory()
        outcome = OutcomePageFactory()
        self.assertPageIsRoutable(story)
        self.assertPageIsRenderable(story)
        self.assertPageIsRenderable(outcome)


def test_story_index_and_home_run_constant_queries_for_5_or_500_stories(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    for _ in range(5):
        StoryPageFactory()
    urls = [story_index().url, story_index().url + "?page=2", "/"]
    for url in urls:
        client.get(url)  # warm the per-process site cache
    few = [_queries(client, url) for url in urls]
    for _ in range(495):
        StoryPageFactory()
    assert [_queries(client, url) for url in urls] == few


def test_outcome_index_runs_constant_queries(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    for _ in range(5):
        OutcomePageFactory()
    client.get(outcome_index().url)
    few = _queries(client, outcome_index().url)
    for _ in range(30):
        OutcomePageFactory()
    assert _queries(client, outcome_index().url) == few


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


def test_outcome_page_shows_parent_voice_evidence_and_status(client):
    outcome = OutcomePageFactory(
        title="Evening clinics",
        status="not_taken_forward",
        status_reason="No staff available for evenings this year.",
        evidence=[
            (
                "consultation_figure",
                {
                    "percent": "36",
                    "count": 46,
                    "respondents": 220,
                    "statement": "cited mother and baby mental health",
                    "source": "",
                },
            )
        ],
    )
    html = client.get(outcome.url).content.decode()
    assert "36% (46)</strong> of 220 parents cited mother and baby mental health" in html
    assert "Not taken forward" in html
    assert "No staff available for evenings this year." in html


def test_anonymous_pages_are_cached_until_something_is_published(client):
    story = StoryPageFactory(title="First title")
    url = story.url
    assert "First title" in client.get(url).content.decode()
    # A change written behind Wagtail's back is not seen: the cached copy is served...
    StoryPage.objects.filter(pk=story.pk).update(title="Sneaky title")
    with CaptureQueriesContext(connection) as ctx:
        assert "First title" in client.get(url).content.decode()
    assert len(ctx.captured_queries) == 0
    # ...until a publish clears the cache.
    story.refresh_from_db()
    story.title = "Second title"
    story.save_revision().publish()
    assert "Second title" in client.get(url).content.decode()


def test_signed_in_users_are_never_served_from_the_public_cache(client):
    from tests.factories.champions import ChampionFactory

    client.get("/")
    client.force_login(ChampionFactory().user)
    assert "My dashboard" in client.get("/").content.decode()


def test_api_is_read_only(client):
    StoryPageFactory()
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.get("/api/v2/pages/").status_code == 200


def test_api_lists_only_stories_and_outcomes(client):
    from tests.factories.cms import StandardPageFactory

    StandardPageFactory(title="About us")
    StoryPageFactory(title="A story")
    titles = [i["title"] for i in client.get("/api/v2/pages/").json()["items"]]
    assert "A story" in titles and "About us" not in titles


def test_draft_stories_are_not_in_the_feed(client):
    import feedparser

    StoryPageFactory(title="Live story")
    StoryPageFactory(title="Draft story", live=False)
    feed = feedparser.parse(client.get("/feeds/stories/").content)
    assert [e.title for e in feed.entries] == ["Live story"]
    assert feedparser.parse(client.get("/feeds/outcomes/atom/").content).version == "atom10"


def test_pages_have_meta_description_and_open_graph_tags(client):
    story = StoryPageFactory(summary="Finding my voice at the forum.")
    html = client.get(story.url).content.decode()
    assert '<meta name="description" content="Finding my voice at the forum.">' in html
    assert '<meta property="og:title"' in html
    assert '<link rel="canonical"' in html


def test_home_page_lists_featured_stories_and_latest_outcomes(client):
    StoryPageFactory(title="Featured one")
    OutcomePageFactory(title="Outcome one")
    html = client.get(home_page().url).content.decode()
    assert "Featured one" in html and "Outcome one" in html


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
