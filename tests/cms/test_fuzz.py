"""Fuzzing the public site's search, list filters and API, and a champion's story form."""

import pytest
from django.urls import reverse
from hypothesis import given

from cms.forms.stories import ChampionStoryForm
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory, story_index
from tests.fuzz import assert_handled, form_data, query_params

pytestmark = pytest.mark.django_db

API_PARAMS = (
    "search",
    "search_operator",
    "offset",
    "limit",
    "type",
    "fields",
    "order",
    "child_of",
    "descendant_of",
    "title",
    "slug",
)


@pytest.fixture
def stories(db):
    story = StoryPageFactory(title="Finding my voice")
    story.tags.add("dads")
    story.save_revision().publish()
    return story


@given(params=query_params("q", "page"))
def test_search(client, stories, params):
    assert_handled(client.get(reverse("search"), params))


@given(params=query_params("tag", "area", "page"))
def test_story_list_filters(client, stories, params):
    assert_handled(client.get(story_index().url, params))


@given(params=query_params(*API_PARAMS))
def test_api_pages_listing(client, stories, params):
    assert_handled(client.get("/api/v2/pages/", params))


@given(data=form_data(ChampionStoryForm))
def test_story_form(client, data):
    story_index()
    client.force_login(ChampionFactory(active=True, consenting=True).user)
    assert_handled(client.post(reverse("stories:new"), data))
