"""Signals the champions app sends; higher apps (events, cms) answer them in their apps.py.

A lower app never imports a higher one, so this is how champions tells them something changed.
"""

from django.dispatch import Signal

# Sent after a champion withdraws a consent; the public site unpublishes what depends on it.
consent_withdrawn = Signal()  # kwargs: champion, kind

# Sent while a champion is being anonymised, inside its transaction, before their details are
# removed: events cancels their future bookings and feed, cms detaches their stories.
champion_anonymising = Signal()  # kwargs: champion
