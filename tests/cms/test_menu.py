"""The header's events link: the public "What's on" page, or a signed-in champion's own events
page, where they can book."""

import re

import pytest
from django.urls import reverse

from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import PublicEventsPageFactory

pytestmark = pytest.mark.django_db


def menu_links(client):
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return {title: url for url, title in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)}


def test_visitors_and_staff_see_whats_on_and_champions_their_events_page(client):
    page = PublicEventsPageFactory(title="What's on", show_in_menus=True)
    assert menu_links(client)["What&#x27;s on"] == page.url
    client.force_login(CoordinatorFactory())
    assert menu_links(client)["What&#x27;s on"] == page.url
    client.force_login(ChampionFactory().user)
    assert menu_links(client)["What&#x27;s on"] == reverse("events:list")
