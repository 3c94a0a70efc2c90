"""Writes for events, by sub-domain: booking, events, attendance, notices, feeds, digest.

Names are `<entity>_<action>` (`registration_book`), keyword-only arguments.
"""
