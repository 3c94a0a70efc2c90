"""Reads for events, by sub-domain; each returns what its page needs in a fixed number of
queries. Names are `<entity>_<what>` (`events_upcoming_for`, `registrations_past_for`).
"""
