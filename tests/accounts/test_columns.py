"""The age column written in Python draws what Wagtail's date cell template draws."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.tables import DateColumn

from accounts.columns import AgeColumn
from tests.factories.accounts import CoordinatorFactory
from tests.factories.champions import ActivityLogFactory

NOW = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)


class Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def _cell(column_class, name, instance, **kwargs) -> str:
    column = column_class(name, **kwargs)
    html = column.render_cell_html(instance, {"row": None, "table": None, "request": None})
    # Whitespace between and inside tags is the templates' indentation, not content.
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r"\s*>\s*", ">", re.sub(r"\s*<", "<", html))


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "value",
    [
        NOW - datetime.timedelta(minutes=2),
        NOW - datetime.timedelta(days=9, hours=3),
        NOW + datetime.timedelta(hours=5),
        datetime.date(2026, 10, 14),
        None,
    ],
)
def test_age_column_draws_the_date_cell_template(value, settings):
    settings.TIME_ZONE = "Europe/London"
    timezone.activate("Europe/London")
    row = Row(created_at=value)
    drawn = _cell(AgeColumn, "created_at", row)
    assert drawn == _cell(DateColumn, "created_at", row)


@pytest.mark.django_db
def test_review_queue_shows_each_entry_with_its_age(client):
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    with time_machine.travel(NOW - datetime.timedelta(days=3), tick=False):
        log = ActivityLogFactory(status="submitted")
    with time_machine.travel(NOW, tick=False):
        page = client.get(reverse("champions_activitylog:index")).content.decode()
    assert f"{log.champion}" in page
    assert "3\xa0days ago" in page
