import pytest
from django.urls import reverse

from champions.choices import ConsentKind
from champions.models import Consent
from cms.models import StoryPage
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ChampionFactory
from tests.factories.cms import story_index

pytestmark = pytest.mark.django_db

STORY = {
    "title": "From shy to speaking up",
    "summary": "How the champion training changed me.",
    "text": "I joined after my son was born.\n\nNow I chair the parents' forum.",
    "story_consent": "on",
}


def test_champion_draft_goes_through_moderation_before_it_is_public(client):
    story_index()
    champion = ChampionFactory(preferred_name="Kerry")
    client.force_login(champion.user)

    response = client.post(reverse("stories:new"), STORY)
    assert response.status_code == 302
    story = StoryPage.objects.get(title=STORY["title"])
    assert not story.live
    assert story.champion == champion
    assert ConsentKind.STORY in Consent.objects.current_for(champion)
    assert "<p>Now I chair the parents&#x27; forum.</p>" in str(story.body[0].value)

    # The champion sees it waiting; the public cannot see it.
    assert "Waiting for review" in client.get(reverse("stories:mine")).content.decode()
    client.logout()
    assert client.get(story.url or f"/stories/{story.slug}/").status_code == 404

    # A moderator approves it in the workflow: now it is live.
    moderator = CoordinatorFactory()
    moderator.is_superuser = True
    moderator.save()
    state = story.current_workflow_state
    assert state is not None
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200
    client.force_login(champion.user)
    assert "Published" in client.get(reverse("stories:mine")).content.decode()


def test_story_form_errors_keep_input(client):
    story_index()
    champion = ChampionFactory()
    client.force_login(champion.user)
    response = client.post(reverse("stories:new"), {**STORY, "story_consent": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "From shy to speaking up" in html
    assert not StoryPage.objects.exists()


def test_photo_without_alt_text_or_photo_consent_is_refused(client):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "purple").save(buffer, "PNG")
    story_index()
    champion = ChampionFactory()
    client.force_login(champion.user)
    photo = SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")
    response = client.post(reverse("stories:new"), {**STORY, "photo": photo})
    html = response.content.decode()
    assert "Describe the photo for people who cannot see it." in html
    assert "Tick this to send a photo with your story." in html


def test_a_champion_sees_only_their_own_stories(client):
    story_index()
    owner = ChampionFactory()
    client.force_login(owner.user)
    client.post(reverse("stories:new"), STORY)
    other = ChampionFactory()
    client.force_login(other.user)
    assert STORY["title"] not in client.get(reverse("stories:mine")).content.decode()


def test_staff_without_champion_profile_get_404_on_story_pages(client):
    client.force_login(CoordinatorFactory())
    assert client.get(reverse("stories:mine")).status_code == 404
