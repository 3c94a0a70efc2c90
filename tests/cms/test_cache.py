import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import StoryPage
from tests.factories.cms import (
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


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


def test_keys_are_short_and_junk_query_strings_are_never_stored(client, rf):
    from cms.cache import MAX_CACHED_QUERY_LENGTH, _key

    story = StoryPageFactory(title="First title")
    junk = f"{story.url}?x={'a' * MAX_CACHED_QUERY_LENGTH}"
    assert client.get(story.url).status_code == 200
    assert client.get(junk).status_code == 200
    StoryPage.objects.filter(pk=story.pk).update(title="Sneaky title")
    # Not stored: the next request renders the page again and sees the change.
    assert "Sneaky title" in client.get(junk).content.decode()
    # ...while the ordinary address is still served from the cache.
    assert "First title" in client.get(story.url).content.decode()
    assert len(_key(rf.get(junk), 1)) < 100
