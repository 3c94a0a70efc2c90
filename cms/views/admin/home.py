"""The public site's panel on the coordinator's admin home page (registered in
wagtail_hooks.py): stories awaiting moderation and stories down for want of consent."""

from django.urls import reverse
from wagtail.permission_policies.pages import PagePermissionPolicy

from accounts.columns import format_when
from accounts.home_panels import PANEL_ROWS, PanelRow, PanelSection, panel_add, panel_sections

from ...audit import UNPUBLISH_WITHOUT_CONSENT
from ...selectors.moderation import stories_awaiting_moderation, stories_unpublished_for_consent


def _rows(stories, when) -> list[PanelRow]:
    return [
        PanelRow(story.title, reverse("wagtailadmin_pages:edit", args=[story.pk]), when(story))
        for story in stories
    ]


def _story_sections() -> list:
    waiting = stories_awaiting_moderation(limit=PANEL_ROWS)
    down = stories_unpublished_for_consent(limit=PANEL_ROWS)
    return [
        PanelSection(
            "Awaiting moderation",
            waiting[0],
            _rows(waiting[1], lambda s: f"sent {format_when(s.latest_revision_created_at)}"),
            reverse("wagtailadmin_reports:workflow"),
        ),
        PanelSection(
            "Unpublished because consent was withdrawn",
            down[0],
            _rows(down[1], lambda s: f"taken down {format_when(s.last_published_at)}"),
            reverse("wagtailadmin_reports:site_history") + f"?action={UNPUBLISH_WITHOUT_CONSENT}",
            empty="None.",
        ),
    ]


def stories_panel(request, panels) -> None:
    if not PagePermissionPolicy().user_has_any_permission(request.user, ["change", "publish"]):
        return
    sections = panel_sections("stories", (), _story_sections)
    panel_add(panels, name="stories", heading="Champions' stories", order=60, sections=sections)
