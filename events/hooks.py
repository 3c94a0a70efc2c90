"""Hooks the events app calls and higher apps (cms) answer; see champions/hooks.py."""

from wagtail import hooks

# fn() -> path of the public site's page listing public events, or None if it has none.
# The answering page must show each public event at "<that path><event id>/".
PUBLIC_EVENTS_PATH = "events_public_events_path"


def public_events_path() -> str | None:
    """Where the public site lists public events: the first answer given, or None."""
    for fn in hooks.get_hooks(PUBLIC_EVENTS_PATH):
        path = fn()
        if path:
            return path
    return None
