from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site

from cms.models import HomePage, StandardPage
from tests.factories.champions import ChampionFactory

pytestmark = pytest.mark.django_db


def _home():
    return Site.objects.get(is_default_site=True).root_page.specific


def test_home_page_renders_through_wagtail(client):
    home = _home()
    assert isinstance(home, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk
    html = response.content.decode()
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html
    assert 'lang="en-GB"' in html
    assert "/static/css/site.css" in html


def test_header_shows_menu_pages_and_sign_in_or_dashboard(client):
    home = _home()
    page = StandardPage(title="Stories", slug="stories", show_in_menus=True)
    home.add_child(instance=page)
    html = client.get("/").content.decode()
    assert '<a href="/stories/">Stories</a>' in html
    assert reverse("account_login") in html
    client.force_login(ChampionFactory().user)
    html = client.get("/").content.decode()
    assert "My dashboard" in html
    assert "Sign in</a>" not in html


def test_menu_costs_the_same_number_of_queries_for_any_number_of_items(client):
    home = _home()
    home.add_child(instance=StandardPage(title="One", slug="one", show_in_menus=True))
    client.get("/")  # warm caches that are filled once per process
    baseline = _count(client)
    for n in range(20):
        home.add_child(instance=StandardPage(title=f"P{n}", slug=f"p{n}", show_in_menus=True))
    assert _count(client) == baseline


def _count(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Traceback" not in response.content


@override_settings(DEBUG=False)
def test_server_error_page_does_not_leak_details(client):
    client.raise_request_exception = False
    from django.urls import path

    def boom(request):
        raise RuntimeError("secret internal detail")

    with override_settings(ROOT_URLCONF=type("U", (), {"urlpatterns": [path("boom/", boom)]})):
        response = client.get("/boom/")
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content
    assert b"secret internal detail" not in response.content


def test_publishing_a_page_makes_it_searchable():
    home = _home()
    page = StandardPage(title="Breastfeeding cafe", slug="cafe", introduction="Tuesday mornings")
    home.add_child(instance=page)
    page.save_revision().publish()
    results = StandardPage.objects.live().search("breastfeeding")
    assert [p.pk for p in results] == [page.pk]


def test_stylesheet_is_served_locally_with_no_external_fonts(client):
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text()
    assert "@import" not in css and "http" not in css
    assert ":focus-visible" in css
