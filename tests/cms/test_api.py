import pytest

from tests.factories.cms import (
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


def test_api_is_read_only(client):
    StoryPageFactory()
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.get("/api/v2/pages/").status_code == 200


def test_api_lists_only_stories_and_outcomes(client):
    from tests.factories.cms import StandardPageFactory

    StandardPageFactory(title="About us")
    StoryPageFactory(title="A story")
    titles = [i["title"] for i in client.get("/api/v2/pages/").json()["items"]]
    assert "A story" in titles and "About us" not in titles
