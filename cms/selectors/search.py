"""Site search and the API's ?search=: what a visitor types is read as plain words."""

import re

from wagtail.models import Page

from ..models import OutcomePage, StoryPage

_NOT_A_WORD = re.compile(r"\W+")


def search_terms(text: str) -> str:
    """The words in `text`, lower-case, one space apart. Quotes, brackets, `*`, `:`, `^` and NUL
    bytes go; lower case keeps SQLite's FTS5 from reading AND, OR, NOT or NEAR as operators."""
    return " ".join(_NOT_A_WORD.split(text.lower())).strip()


def public_pages_search(query: str):
    """Published stories (with consent) and outcomes matching the words in `query`."""
    terms = search_terms(query)
    if not terms:
        return Page.objects.none()
    pages = (
        Page.objects.live()
        .public()
        .type(StoryPage, OutcomePage)
        .exclude(pk__in=StoryPage.objects.hidden().values("pk"))
        .specific()
    )
    return pages.search(terms)
