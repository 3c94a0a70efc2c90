"""Writes for the public site, by sub-domain; names are `<entity>_<action>`."""
