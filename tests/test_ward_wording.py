"""One word for where champions live and events happen: "ward" (DESIGN.md and the demo use it).

Scans every template's visible text, the verbose names of the model and of every link to it,
and the admin and champion screens that list or filter by it.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from champions.models import Area
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import AreaFactory, ChampionFactory
from tests.factories.cms import StoryPageFactory, story_index

OTHER_WORD = re.compile(r"\bareas?\b", re.IGNORECASE)
NOT_TEXT = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<script.*?</script>|<[^>]*>", re.S)


def visible_words(html: str) -> str:
    return NOT_TEXT.sub(" ", html)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style", "template")
        self.parts += [value for name, value in attrs if name in ("title", "aria-label") and value]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def test_no_template_says_area():
    offenders = []
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.*"):
        for line in visible_words(path.read_text()).splitlines():
            if OTHER_WORD.search(line):
                offenders.append(f"{path.name}: {line.strip()}")
    assert offenders == []


def test_the_model_and_every_link_to_it_are_called_ward():
    assert (Area._meta.verbose_name, Area._meta.verbose_name_plural) == ("ward", "wards")
    links = [
        f"{model.__name__}.{field.name}: {field.verbose_name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "related_model", None) is Area and field.concrete
    ]
    assert links and all(link.endswith((": ward", ": wards")) for link in links), links


@pytest.mark.django_db
def test_admin_and_champion_screens_say_ward(client):
    ward = AreaFactory(name="Kursaal")
    ChampionFactory(area=ward)
    StoryPageFactory(area=ward)
    client.force_login(CoordinatorFactory(is_superuser=True))
    urls = [
        reverse("champions_area:index"),
        reverse("champions_champion:index"),
        reverse("champions_activitylog:index"),
        reverse("champions_expenseclaim:index"),
        reverse("events_event:index"),
        reverse("champions_groupmessage:compose"),
        story_index().url,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = page_text(response.content.decode())
        match = OTHER_WORD.search(text)
        assert not match, (url, text[match.start() - 200 : match.end() + 50])
        assert re.search(r"\bwards?\b", text, re.IGNORECASE), url


@pytest.mark.django_db
def test_the_sign_up_form_says_ward(client):
    AreaFactory(name="Kursaal")
    text = page_text(client.get(reverse("account_signup")).content.decode())
    match = OTHER_WORD.search(text)
    assert not match, text[match.start() - 200 : match.end() + 50]
    assert "Your ward" in text
