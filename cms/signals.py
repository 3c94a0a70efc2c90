"""Keeps the public page cache and published stories in step with content and consent."""

from django.db import transaction

from .cache import public_cache_clear


def on_consent_withdrawn(sender, champion, kind, **kwargs):
    from .services import stories_unpublish_without_consent

    # At once, in the same request: the story must not be served a moment longer.
    stories_unpublish_without_consent(champion=champion)
    on_content_changed(sender)


def on_content_changed(sender, **kwargs):
    # Now, so no request is served a stale copy, and again after commit, to retire any copy
    # cached from the old data by a request that ran in between.
    public_cache_clear()
    transaction.on_commit(public_cache_clear)
