import pytest
from wagtail.models import Page

from cms.models import HomePage
from tests.factories.cms import (
    PAGE_FACTORIES,
    OutcomePageFactory,
    StoryPageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db


def test_every_page_type_has_a_factory():
    from django.apps import apps

    page_models = [m for m in apps.get_app_config("cms").get_models() if issubclass(m, Page)]
    missing = [m.__name__ for m in page_models if m not in PAGE_FACTORIES and m is not HomePage]
    assert missing == []


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
