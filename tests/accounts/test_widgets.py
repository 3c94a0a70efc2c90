"""The choice widgets drawn in Python write the very bytes Django's templates write."""

import pytest
from django import forms
from django.utils.safestring import mark_safe
from wagtail.admin.widgets import BooleanRadioSelect

from accounts.widgets import QuickBooleanRadioSelect, QuickRadioSelect, QuickSelect

CHOICES = [
    ("", "---------"),
    (1, "Ward <1> & 'x'"),
    (2, 2000),
    ("b", mark_safe("<b>bold</b>")),
    ("Group <g>", [(3, "c"), (4, "d")]),
]
ATTRS = [None, {"id": "id_f"}, {"id": "id_f", "class": "w-x", "data-on": True, "hidden": False}]


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", [None, "", 1, "3", [2, "b"]])
@pytest.mark.parametrize(
    ("django", "ours"),
    [(forms.Select, QuickSelect), (forms.RadioSelect, QuickRadioSelect)],
)
def test_choice_widgets_draw_djangos_bytes(django, ours, value, attrs, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    drawn = ours(choices=CHOICES).render("f", value, attrs)
    assert drawn == django(choices=CHOICES).render("f", value, attrs)


@pytest.mark.parametrize("value", [None, True, False, "true"])
def test_boolean_radio_select_draws_wagtails_bytes(value):
    drawn = QuickBooleanRadioSelect().render("ready", value, {"id": "id_ready"})
    assert drawn == BooleanRadioSelect().render("ready", value, {"id": "id_ready"})


def test_a_widget_given_other_templates_is_drawn_by_them():
    class Custom(QuickSelect):
        option_template_name = "django/forms/widgets/input_option.html"

    assert "<option" not in Custom(choices=CHOICES[:2]).render("f", None)
