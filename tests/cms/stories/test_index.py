"""The stories index: what it lists and offers as filters, in a fixed number of queries."""

import datetime
import re

import pytest
from django.utils import timezone

from champions.choices import ConsentKind
from champions.models import Consent
from champions.services.consents import consent_give
from tests.factories.champions import AreaFactory, ChampionFactory
from tests.factories.cms import StoryPageFactory, story_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def _titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def _options(html: str, select_id: str) -> list[str]:
    select = re.search(rf'<select id="{select_id}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"', select)[1:]


def _about(name: str, **consents):
    champion = ChampionFactory(preferred_name=name)
    for kind in consents:
        consent_give(champion=champion, kind=kind)
    return champion


def test_a_story_with_several_tags_is_listed_and_counted_once(client):
    for n in range(13):
        story = StoryPageFactory(title=f"Story {n}")
        story.tags.add("dads", "mental health", "languages")
        story.save()
    for query in ({}, {"tag": "dads"}, {"tag": "dads", "page": "2"}):
        html = client.get(story_index().url, query).content.decode()
        titles = _titles(html)
        assert len(titles) == len(set(titles)), query
        assert "Page 1 of 2" in html or "Page 2 of 2" in html, query
    html = client.get(story_index().url, {"tag": "dads", "page": "2"}).content.decode()
    assert _titles(html) == ["Story 0"]


def test_stories_without_current_consent_are_neither_listed_nor_counted(client):
    kursaal = AreaFactory(name="Kursaal", slug="kursaal")
    shown = StoryPageFactory(title="Shown", champion=_about("Amira", story=1), area=kursaal)
    expired = StoryPageFactory(title="Expired", champion=_about("Bea", story=1), area=kursaal)
    withdrawn = StoryPageFactory(title="Withdrawn", champion=_about("Cat", story=1), area=kursaal)
    for story in (shown, expired, withdrawn):
        story.tags.add("dads")
        story.save()
    # Behind the services' back (they would unpublish): the list must still leave them out.
    Consent.objects.filter(champion=expired.champion).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    Consent.objects.filter(champion=withdrawn.champion).update(withdrawn_at=timezone.now())
    for n in range(12):
        StoryPageFactory(title=f"Filler {n}", area=kursaal).tags.add("dads")
    url = story_index().url
    for query in ({}, {"tag": "dads"}, {"area": "kursaal"}, {"tag": "dads", "area": "kursaal"}):
        pages = [client.get(url, {**query, "page": p}).content.decode() for p in (1, 2)]
        titles = _titles(pages[0]) + _titles(pages[1])
        assert "Shown" in titles, query
        assert "Expired" not in titles and "Withdrawn" not in titles, query
        if "tag" not in query:
            assert "Page 2 of 2" in pages[1] and len(titles) == 13, query


def test_photo_consent_is_needed_for_a_pictured_story_in_the_list(client):
    pictured = StoryPageFactory(title="Pictured", champion=_about("Dee", story=1))
    # As save() marks a story with a hero image or an image block, without an image file.
    type(pictured).objects.filter(pk=pictured.pk).update(has_photos=True)
    StoryPageFactory(title="Words only", champion=_about("Eve", story=1))
    assert _titles(client.get(story_index().url).content.decode()) == ["Words only"]
    consent_give(champion=pictured.champion, kind=ConsentKind.PHOTO)
    assert "Pictured" in _titles(client.get(story_index().url).content.decode())


def test_the_filters_offer_tags_and_wards_of_live_stories_by_name(client):
    wards = {slug: AreaFactory(name=slug.title(), slug=slug) for slug in ("westcliff", "leigh")}
    AreaFactory(name="Eastwood", slug="eastwood")  # no story
    for title, ward, tags in [
        ("One", "westcliff", ["send", "dads"]),
        ("Two", "leigh", ["dads", "childcare"]),
    ]:
        story = StoryPageFactory(title=title, area=wards[ward])
        story.tags.add(*tags)
        story.save()
    draft = StoryPageFactory(title="Draft", area=AreaFactory(name="Belfairs", slug="belfairs"))
    draft.tags.add("play")
    draft.save()
    draft.unpublish()
    html = client.get(story_index().url).content.decode()
    assert _options(html, "filter-tag") == ["childcare", "dads", "send"]
    assert _options(html, "filter-area") == ["leigh", "westcliff"]


def test_the_index_runs_the_same_queries_for_5_or_50_stories_whatever_the_filters(
    client, django_assert_num_queries
):
    ward = AreaFactory(name="Kursaal", slug="kursaal")

    def add_stories(count):
        for n in range(count):
            champion = _about(f"Champion {n}", story=1) if n % 2 else None
            story = StoryPageFactory(champion=champion, area=ward)
            story.tags.add("dads", "send")
            story.save()

    queries = [{}, {"page": "2"}, {"tag": "dads"}, {"area": "kursaal"}, {"tag": "send", "page": 2}]
    url = story_index().url
    add_stories(5)
    client.get(url)  # per-process caches (site, content types)
    for many in (False, True):
        if many:
            add_stories(45)
        for query in queries:
            # Site, routing (3), view restrictions (3), count, menu, "Have your say", tags,
            # wards, the page of stories.
            with django_assert_num_queries(13):
                assert client.get(url, query).status_code == 200
