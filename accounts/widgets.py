"""Django's choice widgets drawn in Python, for the admin's listing filters.

A filter of every ward is a hundred option templates, each with its attributes template: ~10 ms
of each listing it is on. These draw the same bytes as Django's templates
(tests/accounts/test_widgets.py); a widget whose templates were changed is drawn by them.
"""

from django import forms
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets import BooleanRadioSelect

# What a template's {{ value }} does with a value: localised, time-zone aware, escaped.
_TEMPLATE_CONTEXT = Context()


def html_attrs(attrs: dict) -> str:
    """Django's widgets/attrs.html (and Wagtail's shared/attrs.html): True is a bare
    attribute, False none."""
    return mark_safe(  # noqa: S308 - each part is escaped by format_html
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


def _text(value) -> str:
    return render_value_in_context(value, _TEMPLATE_CONTEXT)


class QuickSelect(forms.Select):
    """forms.Select (django/forms/widgets/select.html) drawn in Python."""

    def render(self, name, value, attrs=None, renderer=None):
        if (self.template_name, self.option_template_name) != (
            forms.Select.template_name,
            forms.Select.option_template_name,
        ):
            return super().render(name, value, attrs, renderer)
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('\n  <optgroup label="{}">', group))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    html_attrs(option["attrs"]),
                    _text(option["label"]),
                )
                for option in options
            )
            if group:
                parts.append("\n  </optgroup>")
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            widget["name"],
            html_attrs(widget["attrs"]),
            mark_safe("".join(parts)),  # noqa: S308 - each part is escaped by format_html
        )


class QuickRadioSelect(forms.RadioSelect):
    """forms.RadioSelect (django/forms/widgets/radio.html) drawn in Python."""

    def render(self, name, value, attrs=None, renderer=None):
        if (self.template_name, self.option_template_name) != (
            forms.RadioSelect.template_name,
            forms.RadioSelect.option_template_name,
        ):
            return super().render(name, value, attrs, renderer)
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html("\n  <div><label>{}</label>", group))
            parts.extend(format_html("<div>\n    {}</div>", _radio(option)) for option in options)
            if group:
                parts.append("\n  </div>")
        widget_id, classname = widget["attrs"].get("id"), widget["attrs"].get("class")
        return format_html(
            "<div{}{}>{}\n</div>",
            format_html(' id="{}"', widget_id) if widget_id else "",
            format_html(' class="{}"', classname) if classname else "",
            mark_safe("".join(parts)),  # noqa: S308 - each part is escaped by format_html
        )


class QuickBooleanRadioSelect(QuickRadioSelect, BooleanRadioSelect):
    """Wagtail's BooleanRadioSelect ("All", "Yes", "No") drawn in Python."""


def _radio(option) -> str:
    """radio_option.html: input_option.html with input.html inside, each ending in a newline."""
    value = option["value"]
    html = format_html(
        '<input type="{}" name="{}"{}{}>\n',
        option["type"],
        option["name"],
        format_html(' value="{}"', str(value)) if value is not None else "",
        html_attrs(option["attrs"]),
    )
    if not option["wrap_label"]:
        return format_html("{}\n\n", html)
    option_id = option["attrs"].get("id")
    return format_html(
        "<label{}>{} {}</label>\n\n",
        format_html(' for="{}"', option_id) if option_id else "",
        html,
        _text(option["label"]),
    )


QUICK_WIDGETS = {
    forms.Select: QuickSelect,
    forms.RadioSelect: QuickRadioSelect,
    BooleanRadioSelect: QuickBooleanRadioSelect,
}


class QuickWidgetsFilterSetMixin:
    """A filterset (django-filter) whose drop-downs and radio buttons are drawn in Python.

    The widgets are swapped for their subclasses above, which hold no state of their own:
    the fields keep their choices, querysets and attributes."""

    def get_form_class(self):
        form_class = super().get_form_class()
        for field in form_class.base_fields.values():
            if quick := QUICK_WIDGETS.get(type(field.widget)):
                field.widget.__class__ = quick
        return form_class
