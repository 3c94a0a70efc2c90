"""Writes for champions: every rule that changes a champion's records lives here.

Split by sub-domain; names are `<entity>_<action>` (`activity_log_submit`), keyword-only.
"""
