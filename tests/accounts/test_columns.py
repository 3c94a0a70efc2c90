"""The listing columns written in Python draw what Wagtail's cell templates draw."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.forms import Widget
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import (
    BaseColumn,
    BulkActionsCheckboxColumn,
    ButtonsColumnMixin,
    Column,
    DateColumn,
    Table,
    TitleColumn,
)
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, ButtonWithDropdown, ListingButton

from accounts.columns import (
    AgeColumn,
    ButtonsTitleColumn,
    CheckboxColumn,
    QuickTable,
    TextColumn,
)
from accounts.widgets import QuickRadioSelect, QuickSelect
from champions.viewsets.base import PermissionsOncePerPageMixin
from tests.factories.accounts import CoordinatorFactory, ViewerFactory
from tests.factories.champions import (
    ActivityLogFactory,
    AreaFactory,
    ChampionFactory,
    ExpenseClaimFactory,
)

NOW = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)


class Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def _cell(column_class, name, instance, **kwargs) -> str:
    column = column_class(name, **kwargs)
    return _normalised(
        column.render_cell_html(instance, {"row": None, "table": None, "request": None})
    )


def _normalised(html) -> str:
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


def _title_columns(buttons):
    """Wagtail's TitleColumn and ours, each given `buttons` as a listing view gives them."""

    def get_buttons(column, instance, parent_context):
        return buttons

    return [
        type(base.__name__, (ButtonsColumnMixin, base), {"get_buttons": get_buttons})
        for base in (TitleColumn, ButtonsTitleColumn)
    ]


def _more_menu(title="Bus <fare> & 'tips'"):
    return ButtonWithDropdown(
        buttons=[
            Button("Delete", url="/delete/1/?a=1&b=2", icon_name="bin", priority=30),
            Button("Review", url="/review/1/", icon_name="tick", priority=5),
            Button("Edit", url="/edit/1/", icon_name="edit", priority=10, attrs={"rel": "x"}),
            Button("No icon", url="/plain/1/", priority=40),
        ],
        icon_name="dots-horizontal",
        attrs={"aria-label": f"More options for '{title}'"},
    )


class Hidden(Button):
    show = False


@pytest.mark.parametrize(
    "buttons",
    [
        None,
        [],
        [_more_menu()],
        [ListingButton("Open", url="/open/1/", icon_name="view"), _more_menu()],
        [Hidden("Hidden", url="/hidden/")],
        [ButtonWithDropdown(buttons=[Button("Act", attrs={"data-x": "1"})], label="Actions")],
    ],
)
@pytest.mark.parametrize(
    "options",
    [
        {"get_url": lambda row: f"/review/{row.pk}/?x=1&y=2"},
        {
            "get_url": lambda row: f"/review/{row.pk}/",
            "get_title_id": lambda row: f"log_{row.pk}_title",
            "link_classname": "w-link",
            "link_attrs": {"data-a": True, "data-b": False, "title": "<T>"},
            "classname": "w-wide",
        },
        {"label_prefix": "choose"},
        {},
    ],
)
@pytest.mark.parametrize("title", ["Bus <fare> & 'tips'", "", 12345])
def test_title_column_draws_wagtails_title_cell_and_menu(buttons, options, title):
    wagtails, ours = (
        _title_columns(buttons) if buttons is not None else (TitleColumn, ButtonsTitleColumn)
    )
    row = Row(pk=7, name=title)
    assert _cell(ours, "name", row, **options) == _cell(wagtails, "name", row, **options)


@pytest.mark.parametrize(
    "value",
    [
        "Ward <3> & 'co'",
        mark_safe("<b>safe</b>"),
        1234567,
        Decimal("1234.50"),
        2.5,
        None,
        "",
        "  ",
        True,
        datetime.date(2026, 10, 14),
        gettext_lazy("Select"),
    ],
)
@pytest.mark.parametrize("classname", [None, "w-num"])
def test_text_column_draws_wagtails_cell_template(value, classname, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    row = Row(value=value)
    drawn = _cell(TextColumn, "value", row, classname=classname)
    assert drawn == _cell(Column, "value", row, classname=classname)


@pytest.mark.parametrize("pk", [7, 1234567, "a/b <c>"])
def test_checkbox_column_draws_wagtails_checkbox_cell(pk, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    row = Row(pk=pk)
    drawn = _cell(CheckboxColumn, "bulk_actions", row, obj_type="activitylog")
    assert drawn == _cell(BulkActionsCheckboxColumn, "bulk_actions", row, obj_type="activitylog")


LISTINGS = [
    "champions_activitylog:index",
    "champions_expenseclaim:index",
    "champions_champion:index",
]
# Each listing with filters chosen, so that the filters show what is selected.
FILTERED = {
    "champions_activitylog:index": "?status=&kind=&champion=brien&date_after=2026-01-01",
    "champions_expenseclaim:index": "?status=submitted&category=travel",
    "champions_champion:index": "?stage=enquiry&ready=false&needs_attention=",
}


def _listing(client, url) -> str:
    """The listing's filters and table."""
    html = client.get(url).content.decode()
    start = html.index('<div class="w-drilldown__contents">')
    return _normalised(html[start : html.index("</table>", start)])


def _add_rows(count):
    for _ in range(count):
        champion = ChampionFactory(preferred_name="O'Brien <b> & co")
        ActivityLogFactory(champion=champion, description="<script>")
        ExpenseClaimFactory(champion=champion)


def _draw_as_wagtail(monkeypatch):
    """Wagtail's and Django's templates for the table, every cell and filter, and Wagtail's
    permission checks for every row."""
    for column in (TextColumn, CheckboxColumn, ButtonsTitleColumn, AgeColumn):
        monkeypatch.setattr(column, "render_cell_html", BaseColumn.render_cell_html)
    monkeypatch.setattr(QuickTable, "template_name", Table.template_name)
    for widget in (QuickSelect, QuickRadioSelect):
        monkeypatch.setattr(widget, "render", Widget.render)
    for name in ("user_has_permission", "user_has_any_permission"):
        monkeypatch.setattr(
            PermissionsOncePerPageMixin, name, getattr(PermissionCheckedMixin, name)
        )


@pytest.mark.django_db
@pytest.mark.parametrize("filtered", [False, True])
@pytest.mark.parametrize("staff_factory", [CoordinatorFactory, ViewerFactory])
@pytest.mark.parametrize("url_name", LISTINGS)
def test_the_listings_draw_what_wagtails_templates_draw(
    client, monkeypatch, staff_factory, url_name, filtered
):
    client.force_login(staff_factory())
    AreaFactory(name="Ward <x> & 'y'")
    _add_rows(3)
    url = reverse(url_name) + (FILTERED[url_name] if filtered else "")
    with time_machine.travel(NOW, tick=False):
        ours = _listing(client, url)
        _draw_as_wagtail(monkeypatch)
        wagtails = _listing(client, url)
    assert ours == wagtails
    assert "Ward &lt;x&gt; &amp; &#x27;y&#x27;" in ours
    if not filtered:
        assert ours.count('data-w-dropdown-target="content"') == 3
        assert ("/edit/" in ours) is (staff_factory is CoordinatorFactory)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", LISTINGS)
def test_the_listings_cost_the_same_queries_for_5_or_50_rows(
    client, django_assert_num_queries, url_name
):
    client.force_login(CoordinatorFactory())
    url = reverse(url_name)
    _add_rows(5)
    client.get(url)  # draws the admin sidebar once (served from the cache afterwards)
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    _add_rows(45)
    with django_assert_num_queries(len(five)):
        assert _listing(client, url).split("<tbody>")[1].count("<tr>") == 50
