"""Feeds link to the site's own address (Settings > Sites), whatever host asked for them."""

import feedparser
import pytest
from wagtail.models import Site

from tests.factories.cms import OutcomePageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_address():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "champions.example.org", 443
    site.save()
    return "https://champions.example.org"


@pytest.mark.parametrize("url", ["/feeds/stories/", "/feeds/stories/atom/"])
def test_story_feeds_link_to_the_site_address(client, site_address, url):
    story = StoryPageFactory(title="Live story")
    feed = feedparser.parse(client.get(url).content)
    assert feed.feed.link.startswith(site_address)
    assert [e.link for e in feed.entries] == [site_address + story.url]


def test_outcome_feed_links_to_the_site_address(client, site_address):
    outcome = OutcomePageFactory(title="Evening clinics")
    feed = feedparser.parse(client.get("/feeds/outcomes/").content)
    assert [e.link for e in feed.entries] == [site_address + outcome.url]


def test_draft_stories_are_not_in_the_feed(client):
    StoryPageFactory(title="Live story")
    StoryPageFactory(title="Draft story", live=False)
    feed = feedparser.parse(client.get("/feeds/stories/").content)
    assert [e.title for e in feed.entries] == ["Live story"]
    assert feedparser.parse(client.get("/feeds/outcomes/atom/").content).version == "atom10"
