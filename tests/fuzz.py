"""Hypothesis strategies for fuzzing the site's forms, filters and query strings.

Every value is either something a person might type or something an attacker would: NUL
bytes, query syntax, numbers past any column, impossible dates, right-to-left marks, very long
text. `form_data(form)` fills each field of a real form by its type, so a new field is fuzzed
without changing a test. `assert_handled` is the rule: never a server error.
"""

import datetime

from django import forms
from hypothesis import strategies as st

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    '"',
    "'",
    '"unclosed',
    "🎉🎉",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://example.com")',
    "../../etc/passwd",
    "%00",
    "-1",
    "0",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "inf",
    "0.001",
    "\u0663\u066b\u0665",  # 3.5 in Arabic-Indic digits
    "\u202e",
    "2026-02-30",
    "99999-01-01",
    "0000-00-00",
    "AND",
    "NEAR(",
    "*",
    "x" * 5000,
]


def nasty_text(max_size: int = 300) -> st.SearchStrategy[str]:
    """Known troublemakers, or any text at all (Hypothesis leaves out lone surrogates)."""
    return st.one_of(st.sampled_from(NASTY), st.text(max_size=max_size))


def _numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
    )


def _dates() -> st.SearchStrategy[str]:
    return st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)).map(str)


def field_values(field: forms.Field) -> st.SearchStrategy:
    """Values for one form field: plausible for its type, mixed with nasty text."""
    if isinstance(field, forms.FileField):
        return st.just("")  # files are fuzzed by the upload tests
    if isinstance(field, forms.BooleanField):
        plausible = st.sampled_from(["on", ""])
    elif isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        plausible = st.lists(st.one_of(_numbers(), nasty_text(20)), max_size=3)
    elif isinstance(field, forms.ModelChoiceField):
        plausible = st.integers(min_value=-1, max_value=2**64).map(str)
    elif isinstance(field, forms.ChoiceField):
        plausible = st.sampled_from([str(value) for value, _ in field.choices] or [""])
    elif isinstance(field, forms.DateField):
        plausible = _dates()
    elif isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        plausible = _numbers()
    else:
        plausible = st.text(max_size=getattr(field, "max_length", None) or 300)
    return st.one_of(plausible, nasty_text())


def form_data(form_class: type[forms.BaseForm], **fixed) -> st.SearchStrategy[dict]:
    """A POST body for `form_class`: every declared field fuzzed, except those in `fixed`.

    The class's fields, not an instance's: no database or user is needed to build them.
    """
    fields = {
        name: field_values(field)
        for name, field in form_class.base_fields.items()
        if name not in fixed
    }
    return st.fixed_dictionaries({**fields, **{k: st.just(v) for k, v in fixed.items()}})


def query_params(*names: str) -> st.SearchStrategy[dict]:
    """A query string of any subset of `names`, each with nasty text or a number."""
    value = st.one_of(nasty_text(100), _numbers())
    return st.dictionaries(st.sampled_from(names), value, max_size=len(names))


def assert_handled(response) -> None:
    """The rule for bad input: a page, a redirect or a 4xx; never a server error."""
    assert response.status_code < 500, (response.status_code, response.request)
