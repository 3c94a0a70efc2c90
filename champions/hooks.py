"""Hooks the champions app calls and higher apps (events, cms) answer.

A lower app never imports a higher one: where champions needs an answer only events or cms can
give, it calls one of these Wagtail hooks (`hooks.get_hooks(NAME)`), and the higher app
registers a function for it in its wagtail_hooks.py.
"""

from wagtail import hooks

# fn(champion, *, started_only: bool) -> QuerySet of events the champion was booked on.
BOOKED_EVENTS = "champions_booked_events"
# fn(champion) -> dict of extra sections for the champion's data download.
DATA_EXPORT = "champions_data_export"
# fn(champion) -> list of (path in the zip, Django File) for the champion's data download.
DATA_EXPORT_FILES = "champions_data_export_files"


def answers(name: str) -> list:
    """The functions registered for hook `name`, in app order."""
    return hooks.get_hooks(name)
