"""Hooks the champions app calls and higher apps (events, cms) answer.

A lower app never imports a higher one: where champions needs an answer only events or cms can
give, it calls one of these Wagtail hooks (`hooks.get_hooks(NAME)`), and the higher app
registers a function for it in its wagtail_hooks.py.
"""

from dataclasses import dataclass

from wagtail import hooks

# fn(champion, *, started_only: bool) -> QuerySet of events the champion was booked on.
BOOKED_EVENTS = "champions_booked_events"
# fn(champion) -> dict of extra sections for the champion's data download.
DATA_EXPORT = "champions_data_export"
# fn(champion) -> list of (path in the zip, Django File) for the champion's data download.
DATA_EXPORT_FILES = "champions_data_export_files"
# fn(champion) -> list of (label, count): people the champion reached that their activity logs
# do not count, e.g. ("Survey responses entered", 12); each adds to their people reached.
PEOPLE_REACHED = "champions_people_reached"
# fn(champion) -> StaffRecordSection: a higher app's part of the champion's admin record.
STAFF_RECORD = "champions_staff_record"


def answers(name: str) -> list:
    """The functions registered for hook `name`, in app order."""
    return hooks.get_hooks(name)


@dataclass(frozen=True)
class StaffRecordSection:
    """A table on the champion's admin record that a higher app fills (events booked, stories)."""

    heading: str
    columns: list[str]
    rows: list[list[str]]
    summary: str = ""
    empty: str = "None yet."
