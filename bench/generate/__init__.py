"""A deterministic programme proportional to a scale N, for benchmarks.

At N=1: 100 areas, 10,000 champions, 200,000 training records, 50,000 events,
1,000,000 registrations, 1,000,000 activity logs, 100,000 expense claims, 2,000
stories, 500 outcomes and a survey of 100,000 responses. Rows go in with PostgreSQL COPY
(bulk_create elsewhere, e.g. SQLite in tests) with ids assigned here, so that foreign keys
need no read-back (loader.py). Wagtail pages are made with add_child, which keeps the page
tree, search index and references right.

The same scale and day give the same data: every choice comes from seeded random.Random.
Dates are relative to today, so that "upcoming" and "due for a reminder" stay true.

One module per part of the programme, and each model is written in one of them only:
people.py (areas, users, champions, checks, consents), training.py, events.py (events,
bookings, walk-ins), meetings.py, activity.py (logs, factors, expenses), consultations.py and
pages.py.
programme.py runs them in order.
"""

from .names import COORDINATOR_EMAIL, PASSWORD, REGISTER_TITLE, REMINDER_TITLE
from .programme import NotEmpty, generate, rows_by_model

__all__ = [
    "COORDINATOR_EMAIL",
    "PASSWORD",
    "REGISTER_TITLE",
    "REMINDER_TITLE",
    "NotEmpty",
    "generate",
    "rows_by_model",
]
