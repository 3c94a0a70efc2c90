"""A story whose consent expired comes down at night, and no cached page keeps showing it."""

import datetime

import pytest
from django.utils import timezone

from champions.choices import ConsentKind
from champions.models import Consent
from champions.services.consents import consent_give
from cms.models import StoryPage
from cms.tasks.stories import unpublish_stories_without_consent
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory, home_page, story_index

pytestmark = pytest.mark.django_db


def test_the_nightly_job_unpublishes_expired_stories_and_purges_the_page_cache(
    client, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(preferred_name="Amira")
    consent_give(champion=champion, kind=ConsentKind.STORY)
    story = StoryPageFactory(title="Amira finds her voice", champion=champion)
    index_url = story_index().url
    assert story.title in client.get(index_url).content.decode()  # now in the page cache
    # The consent lapses with nothing else happening (no signal, no publish).
    Consent.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert story.title in client.get(index_url).content.decode()  # the cached copy

    with django_capture_on_commit_callbacks(execute=True):
        assert unpublish_stories_without_consent.delay().get() == 1
        assert unpublish_stories_without_consent.delay().get() == 0

    assert not StoryPage.objects.get(pk=story.pk).live
    assert story.title not in client.get(index_url).content.decode()


def test_expiry_purges_every_cached_page_that_showed_the_story(
    client, django_capture_on_commit_callbacks
):
    champion = ChampionFactory(preferred_name="Amira")
    consent_give(champion=champion, kind=ConsentKind.STORY)
    story = StoryPageFactory(title="Amira finds her voice", champion=champion)
    urls = [story.url, story_index().url, home_page().url, "/feeds/stories/"]
    for url in urls:  # each is now cached (or served fresh) with the story on it
        assert story.title in client.get(url).content.decode(), url
    Consent.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert story.title in client.get(story.url).content.decode()  # the cached copy

    with django_capture_on_commit_callbacks(execute=True):
        unpublish_stories_without_consent.delay().get()

    for url in urls:
        response = client.get(url)
        assert story.title not in response.content.decode(), url
    assert client.get(story.url).status_code == 404
