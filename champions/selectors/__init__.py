"""Reads for champions: each returns what its page or job needs in a fixed number of queries.

Split by sub-domain; names are `<entity>_<what>` (`champions_for_listing`, `champion_journey`).
"""
