"""The same story form sent twice makes one draft story (issue 12)."""

import pytest
from django.urls import reverse

from cms.models import StoryPage
from tests.factories.champions import ChampionFactory
from tests.factories.cms import story_index

pytestmark = pytest.mark.django_db

STORY = {
    "title": "From shy to speaking up",
    "summary": "How the champion training changed me.",
    "text": "I joined after my son was born.",
    "story_consent": "on",
}


def test_a_story_sent_twice_makes_one_draft(client):
    story_index()
    champion = ChampionFactory()
    client.force_login(champion.user)
    url = reverse("stories:new")
    key = client.get(url).context["form"]["submission_key"].value()
    for _ in range(2):
        assert client.post(url, {**STORY, "submission_key": key}).status_code == 302
    assert StoryPage.objects.filter(champion=champion).count() == 1


def test_a_copied_story_does_not_take_the_key(client):
    story_index()
    champion = ChampionFactory()
    client.force_login(champion.user)
    url = reverse("stories:new")
    key = client.get(url).context["form"]["submission_key"].value()
    client.post(url, {**STORY, "submission_key": key})
    story = StoryPage.objects.get(champion=champion)
    copy = story.copy(update_attrs={"slug": "copy", "title": "Copy"})
    assert copy.submission_key is None
