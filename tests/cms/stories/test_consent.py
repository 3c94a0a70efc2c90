"""A story about a champion is public only while their consent is current."""

import feedparser
import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from champions.choices import ConsentKind
from champions.services.consents import consent_give, consent_withdraw
from cms.models import StoryPage
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import StoryPageFactory, story_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion():
    champion = ChampionFactory(preferred_name="Amira")
    consent_give(champion=champion, kind=ConsentKind.STORY, wording_version="2026-01")
    return champion


@pytest.fixture
def story(champion):
    return StoryPageFactory(title="Amira finds her voice", champion=champion)


def _visible_everywhere(client, story):
    """Where a story can be seen: its page, index, feed, search, sitemap and API."""
    index_html = client.get(story_index().url).content.decode()
    feed = feedparser.parse(client.get("/feeds/stories/").content)
    search_html = client.get("/search/", {"q": "Amira"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"type": "cms.StoryPage"}).json()
    return {
        "page": client.get(story.url).status_code == 200,
        "index": story.title in index_html,
        "feed": story.title in [e.title for e in feed.entries],
        "search": story.title in search_html,
        "sitemap": story.url in sitemap,
        "api": story.title in [item["title"] for item in api["items"]],
    }


def test_story_with_current_consent_is_public_everywhere(client, story):
    assert _visible_everywhere(client, story) == dict.fromkeys(
        ["page", "index", "feed", "search", "sitemap", "api"], True
    )


def test_withdrawn_consent_hides_the_story_everywhere_at_once(client, story, champion):
    _visible_everywhere(client, story)  # also fills the page cache
    assert consent_withdraw(champion=champion, kind=ConsentKind.STORY)
    assert _visible_everywhere(client, story) == dict.fromkeys(
        ["page", "index", "feed", "search", "sitemap", "api"], False
    )
    story.refresh_from_db()
    assert not story.live


def test_withdrawal_notifies_staff_after_commit(
    story, champion, smtp_server, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(champion=champion, kind=ConsentKind.STORY)
    messages = smtp_server.to(coordinator.email)
    assert len(messages) == 1
    assert "Amira finds her voice" in smtp_server.body(messages[0])


def test_lapsed_consent_hides_the_story_even_before_any_job_runs(client, story, champion):
    from datetime import timedelta

    from django.utils import timezone

    champion.consents.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(story.url).status_code == 404
    assert story.title not in client.get(story_index().url).content.decode()


def test_publishing_without_consent_is_refused(champion):
    other = ChampionFactory()
    story = StoryPageFactory(champion=other, live=False)
    with pytest.raises(PermissionDenied, match="has not given current consent"):
        story.save_revision().publish()
    assert not StoryPage.objects.get(pk=story.pk).live


def test_admin_publish_without_consent_shows_a_clear_message(client):
    coordinator = CoordinatorFactory()
    coordinator.is_superuser = True
    coordinator.save()
    client.force_login(coordinator)
    other = ChampionFactory(preferred_name="Bea")
    story = StoryPageFactory(champion=other, live=False, title="Bea's story")
    response = client.post(
        f"/admin/pages/{story.pk}/edit/",
        {
            "title": story.title,
            "slug": story.slug,
            "summary": story.summary,
            "hero_alt": "",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": '{"blocks":[{"key":"a","text":"Hello","type":"unstyled","depth":0,'
            '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "champion": other.pk,
            "tags": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "Bea has not given current consent to publish their story" in response.content.decode()
    assert not Page.objects.get(pk=story.pk).live


def test_story_with_photos_needs_photo_consent_too(client, champion):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Amira", file=get_test_image_file())
    with pytest.raises(PermissionDenied, match="consent to use photos"):
        StoryPageFactory(champion=champion, hero_image=image, hero_alt="Amira at the hub")
    consent_give(champion=champion, kind=ConsentKind.PHOTO, wording_version="2026-01")
    story = StoryPageFactory(champion=champion, hero_image=image, hero_alt="Amira at the hub")
    assert client.get(story.url).status_code == 200
    consent_withdraw(champion=champion, kind=ConsentKind.PHOTO)
    assert client.get(story.url).status_code == 404


def test_story_not_about_a_champion_needs_no_consent(client):
    story = StoryPageFactory(title="A day at the family hub")
    assert client.get(story.url).status_code == 200
