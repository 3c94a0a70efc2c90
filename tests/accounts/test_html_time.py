"""`<time datetime>` is valid HTML: no microseconds, one filter used by every template."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

from tests.factories.cms import StoryPageFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# At most three fractional digits of a second (HTML's "valid global date and time string").
VALID = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?([+-]\d\d:\d\d|Z))?$")


def render(value):
    return Template("{% load html_time %}{{ value|datetime_attr }}").render(
        Context({"value": value})
    )


def test_a_time_has_no_fractional_seconds_and_is_local():
    moment = datetime.datetime(2026, 3, 18, 10, 31, 29, 67251, tzinfo=datetime.UTC)
    assert render(moment) == "2026-03-18T10:31:29+00:00"
    summer = datetime.datetime(2026, 7, 1, 9, 0, 0, 5, tzinfo=datetime.UTC)
    assert render(summer) == "2026-07-01T10:00:00+01:00"
    assert render(datetime.date(2026, 3, 18)) == "2026-03-18"
    assert render(None) == ""


def test_every_template_writes_datetime_through_the_filter():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        for attribute in re.findall(r'datetime="([^"]*)"', path.read_text()):
            if "|datetime_attr" not in attribute:
                offenders.append(f"{path.relative_to(TEMPLATES)}: {attribute}")
    assert offenders == []


@pytest.mark.django_db
def test_a_story_page_renders_a_valid_publication_time(client):
    story = StoryPageFactory()
    moment = datetime.datetime(2026, 3, 18, 10, 31, 29, 67251, tzinfo=datetime.UTC)
    type(story).objects.filter(pk=story.pk).update(first_published_at=moment)
    html = client.get(story.url).content.decode()
    values = re.findall(r'<time datetime="([^"]*)"', html)
    assert values == ["2026-03-18T10:31:29+00:00"]
    assert all(VALID.match(value) for value in values)
