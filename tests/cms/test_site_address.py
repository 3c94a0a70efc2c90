"""Feeds, the sitemap and the API link to the site's configured address, not the request's host
or example.com (the demo sets it from `make run`'s port)."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from accounts.site import CACHE_KEY
from tests.factories.cms import OutcomePageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

ROOT = "http://champions.test:8123"


@pytest.fixture
def configured_site(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    Site.objects.filter(is_default_site=True).update(hostname="champions.test", port=8123)
    cache.delete(CACHE_KEY)
    StoryPageFactory(title="Finding my voice")
    OutcomePageFactory(title="Evening clinics")
    yield
    cache.delete(CACHE_KEY)


@pytest.mark.parametrize("url", ["/feeds/stories/", "/feeds/outcomes/", "/sitemap.xml"])
def test_feeds_and_sitemap_link_to_the_configured_address(client, configured_site, url):
    body = client.get(url).content.decode()
    links = re.findall(r"<(?:link|loc)>([^<]+)</(?:link|loc)>", body)
    assert links
    assert all(link.startswith(ROOT + "/") for link in links), links
    assert "example.com" not in body and "localhost" not in body and "testserver" not in body


def test_the_api_gives_page_addresses_on_the_configured_site(client, configured_site):
    pages = client.get("/api/v2/pages/", {"fields": "_,html_url"}).json()["items"]
    assert pages
    assert all(page["meta"]["html_url"].startswith(ROOT + "/") for page in pages)
