"""The coordinator's admin home page: panels of work waiting, each a count and the first rows.

Each app builds its own panels from its selectors in its `wagtail_hooks.py` (hook
`construct_homepage_panels`) and shows a section only to users whose permissions let them see
the listing it links to. Rows link to the screen where the item is dealt with; "see all" opens
the listing already filtered.
"""

from dataclasses import dataclass, field

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
