"""The coordinator's admin home page: panels of work waiting, each a count and the first rows.

Each app builds its own panels from its selectors in its `wagtail_hooks.py` (hook
`construct_homepage_panels`) and shows a section only to users whose permissions let them see
the listing it links to. Rows link to the screen where the item is dealt with; "see all" opens
the listing already filtered.

A panel's sections are counts over the largest tables (a million activity logs), so they are
kept in the shared cache per panel and per set of permissions that shapes them, for at most
ADMIN_HOME_CACHE_SECONDS. Every key carries two generation numbers, one for every panel and
one for its own; each app bumps the panel's (`home_panels_follow`, `home_panels_clear`) when
a record it counts changes, so a change shows at once and the other panels stay cached.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.admin.ui.components import Component

# Rows shown per section; the count says how many there are in all.
PANEL_ROWS = 5


@dataclass(frozen=True)
class PanelRow:
    """One item waiting: what it is, where it is dealt with, and a detail (age, due date)."""

    label: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class PanelSection:
    """One kind of work in a panel: how many, the first few, and the filtered listing."""

    heading: str
    count: int
    rows: list[PanelRow] = field(default_factory=list)
    see_all_url: str = ""
    empty: str = "Nothing waiting."


class WorkPanel(Component):
    """A home-page panel of one or more sections; left out when no section is visible."""

    template_name = "accounts/admin/work_panel.html"

    def __init__(self, *, name: str, heading: str, order: int, sections: list[PanelSection]):
        self.name = name
        self.heading = heading
        self.order = order
        self.sections = sections

    def get_context_data(self, parent_context=None):
        return {"panel": self, "sections": self.sections}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.sections else ""


def panel_add(panels: list, *, name: str, heading: str, order: int, sections: list) -> None:
    """Add a panel of the sections the user may see (None marks a section they may not)."""
    visible = [section for section in sections if section is not None]
    if visible:
        panels.append(WorkPanel(name=name, heading=heading, order=order, sections=visible))


GENERATION_KEY = "admin-home:generation"


def _generation_key(panel: str | None) -> str:
    return f"{GENERATION_KEY}:{panel}" if panel else GENERATION_KEY


def _generations(panel: str) -> tuple:
    """The generation of every panel and of `panel`, in one round trip to the cache."""
    keys = [GENERATION_KEY, _generation_key(panel)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, 1, timeout=None)
            found[key] = cache.get(key, 1)
    return tuple(found[key] for key in keys)


def _bump(panel: str | None = None) -> None:
    key = _generation_key(panel)
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, 1, timeout=None)


def _retire(panels: tuple) -> None:
    """Now, so the next page counts afresh, and again after commit, to retire any panel a
    request built in between from the data as it was before."""
    for panel in panels or (None,):
        _bump(panel)
        transaction.on_commit(partial(_bump, panel))


def home_panels_clear(*panels: str, **kwargs) -> None:
    """Retire the cached `panels` (by the name given to `panel_sections`), or every panel when
    none is named; usable directly as a signal receiver (retiring every panel)."""
    _retire(panels)


class _PanelsRetirer:
    """Signal receiver retiring some panels; an object so that the signal may keep it."""

    def __init__(self, panels: tuple):
        self.panels = panels

    def __call__(self, **kwargs) -> None:
        _retire(self.panels)


def home_panels_follow(*models, panels: tuple[str, ...] = ()) -> None:
    """Retire the cached `panels` (every panel if none is named) whenever one of `models` is
    saved or deleted (apps' ready()). Naming the panels that count a model keeps the others
    cached: approving a log then recounts the reviews, not every panel of the page."""
    retire = _PanelsRetirer(panels)
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                retire,
                sender=model,
                weak=False,
                dispatch_uid=f"admin-home-{model._meta.label}-{id(signal)}",
            )


def panel_sections(name: str, variant: tuple, build: Callable[[], list]) -> list:
    """`build()`'s sections of panel `name` for users whose permissions give `variant`, shared
    through the cache (see the module's docstring)."""
    timeout = settings.ADMIN_HOME_CACHE_SECONDS
    if not timeout:
        return build()
    every, own = _generations(name)
    key = f"admin-home:{every}.{own}:{name}:{':'.join(map(str, variant))}"
    sections = cache.get(key)
    if sections is None:
        sections = build()
        cache.set(key, sections, timeout)
    return sections
